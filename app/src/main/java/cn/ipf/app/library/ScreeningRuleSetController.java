package cn.ipf.app.library;

import cn.ipf.api.model.NewScreeningRuleSet;
import cn.ipf.api.model.ScreeningRuleSet;
import cn.ipf.api.server.AdminLibraryApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScreeningRuleSetController implements AdminLibraryApi {

    private final ScreeningService screening;

    ScreeningRuleSetController(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public ResponseEntity<List<ScreeningRuleSet>> listScreeningRuleSets() {
        return ResponseEntity.ok(screening.ruleSets().stream().map(LibraryViews::ruleSet).toList());
    }

    @Override
    public ResponseEntity<ScreeningRuleSet> createScreeningRuleSet(NewScreeningRuleSet body, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.ruleSet(screening.createRuleSet(
                body.getEffectiveFrom(), LibraryViews.screeningRules(body.getRules()))));
    }
}
