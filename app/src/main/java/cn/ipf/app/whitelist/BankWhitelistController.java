package cn.ipf.app.whitelist;

import cn.ipf.api.model.DataScope;
import cn.ipf.api.model.WhitelistChange;
import cn.ipf.api.model.WhitelistChangeKind;
import cn.ipf.api.model.WhitelistChangePage;
import cn.ipf.api.model.WhitelistEntry;
import cn.ipf.api.server.BankWhitelistApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.ApiTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class BankWhitelistController implements BankWhitelistApi {

    private final WhitelistFeed feed;
    private final JsonMapper json;

    BankWhitelistController(WhitelistFeed feed, JsonMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @Override
    public ResponseEntity<WhitelistChangePage> listWhitelistChanges(Long after, Integer limit) {
        long from = after == null ? 0 : after;
        WhitelistFeed.Page page = feed.changes(CurrentActor.get().bankId(), from, limit == null ? 100 : limit);
        return ResponseEntity.ok(new WhitelistChangePage()
                .items(page.items().stream().map(this::toApi).toList())
                .nextAfter(page.items().isEmpty() ? from : page.items().get(page.items().size() - 1).changeId())
                .hasMore(page.hasMore()));
    }

    private WhitelistChange toApi(WhitelistEntryRow r) {
        return new WhitelistChange()
                .changeId(r.changeId())
                .enterpriseId(r.enterpriseId())
                .change(WhitelistChangeKind.fromValue(r.changeKind()))
                .listed(r.listed())
                .recommended(r.recommended())
                .sharedScopes(cn.ipf.app.consent.policy.DataScope.parse(r.dataScopes()).stream()
                        .map(s -> DataScope.fromValue(s.name())).toList())
                .changedAt(ApiTime.utc(r.changedAt()))
                .entry(r.entry() == null ? null : json.readValue(r.entry(), WhitelistEntry.class));
    }
}
