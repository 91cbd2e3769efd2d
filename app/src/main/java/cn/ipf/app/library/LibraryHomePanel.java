package cn.ipf.app.library;

import cn.ipf.app.access.Caller;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.user.Role;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** 企业概况 an SME's home panel: its enterprise as the library has it, with the derived size class. */
@Component
class LibraryHomePanel implements HomePanel {

    private final EnterpriseService enterprises;

    LibraryHomePanel(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Panel> panel(Caller caller) {
        if (!caller.is(Role.SME)) {
            return Optional.empty();
        }
        Map<String, Object> model = caller.enterpriseId() == null ? Map.of()
                : Map.of("enterprise", enterprises.find(caller.enterpriseId()));
        return Optional.of(new Panel("library/panels", "profile", model));
    }
}
