package cn.ipf.app.pledgehealth;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.pledgehealth.policy.LegalEventKind;
import cn.ipf.app.user.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 质物监测 in the console: the alerts on the SME's pledged IP (a lapse, an invalidation, a transfer …) with what to do
 * and by when, and the deadlines ahead (annual fees, term, renewal); a panel on the home page when there is any.
 * The same {@link PledgeHealth} reads as the API.
 */
@ConsolePage
class PledgeHealthPages implements ConsoleMenu, HomePanel {

    static final String ALERTS = "/console/enterprise/pledge-alerts";
    private static final int PANEL_ITEMS = 3;

    private final PledgeHealth health;
    private final AccessPolicy access;

    PledgeHealthPages(PledgeHealth health, AccessPolicy access) {
        this.health = health;
        this.access = access;
    }

    @GetMapping(ALERTS)
    String alerts(Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        model.addAttribute("alerts", alerts(id));
        model.addAttribute("warnings", health.warningsOf(id));
        return "pledgehealth/alerts";
    }

    /** An alert with what the enterprise should do, in both languages (the template picks the page's). */
    record Alert(PledgeAlertRow row, LegalEventKind kind) {
    }

    private List<Alert> alerts(long enterpriseId) {
        return health.ofEnterprise(enterpriseId).stream()
                .map(a -> new Alert(a, LegalEventKind.valueOf(a.eventKind()))).toList();
    }

    @Override
    public List<Item> items(Caller caller) {
        return caller.is(Role.SME) && caller.enterpriseId() != null
                ? List.of(new Item(16, "smelib.menu.pledgeAlerts", ALERTS)) : List.of();
    }

    @Override
    public int order() {
        return 15;
    }

    /** Shown only when something is at risk or due: a quiet home page otherwise. */
    @Override
    public Optional<Panel> panel(Caller caller) {
        if (!caller.is(Role.SME) || caller.enterpriseId() == null) {
            return Optional.empty();
        }
        List<Alert> alerts = alerts(caller.enterpriseId());
        List<PledgeWarningRow> warnings = health.warningsOf(caller.enterpriseId());
        if (alerts.isEmpty() && warnings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Panel("pledgehealth/panels", "sme", Map.of(
                "alerts", alerts.subList(0, Math.min(PANEL_ITEMS, alerts.size())), "alertCount", alerts.size(),
                "warningCount", warnings.size())));
    }
}
