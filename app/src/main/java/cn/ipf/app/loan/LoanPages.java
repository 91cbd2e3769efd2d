package cn.ipf.app.loan;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.user.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的贷款 in the console: an SME's loans with what its bank reported (disbursement, pledges, repayments, interest
 * payments) and the subsidy on each payment, through the same {@link EnterpriseLoans} as the API's 我的贷款.
 */
@ConsolePage
class LoanPages implements ConsoleMenu, HomePanel {

    static final String LOANS = "/console/loans";

    private final EnterpriseLoans loans;
    private final AccessPolicy access;

    LoanPages(EnterpriseLoans loans, AccessPolicy access) {
        this.loans = loans;
        this.access = access;
    }

    @GetMapping(LOANS)
    String myLoans(Model model) {
        model.addAttribute("loans", views(access.caller()));
        return "loan/my-loans";
    }

    @Override
    public List<Item> items(Caller caller) {
        return caller.is(Role.SME) ? List.of(new Item(20, "loan.myLoans", LOANS)) : List.of();
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Panel> panel(Caller caller) {
        return caller.is(Role.SME) ? Optional.of(new Panel("loan/panels", "loans",
                Map.of("loans", caller.enterpriseId() == null ? List.of() : loans.of(caller.enterpriseId()))))
                : Optional.empty();
    }

    /** The SME's loans, each with everything reported on it (an SME has a handful). */
    private List<EnterpriseLoans.View> views(Caller caller) {
        Long enterpriseId = access.visibleEnterprise(caller);
        if (enterpriseId == null || enterpriseId < 0) {
            return List.of();
        }
        return loans.of(enterpriseId).stream().map(l -> loans.one(enterpriseId, l.id())).toList();
    }
}
