package cn.ipf.app.matching;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.Formats;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.product.ProductRecord;
import cn.ipf.app.user.Role;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 匹配产品 in the console: the banks' products matched with the SME's own enterprise, eligible ones first, each with
 * every criterion it meets or misses and its score's parts, from the same {@link ProductMatches} as the API.
 */
@ConsolePage
class MatchPages implements ConsoleMenu {

    static final String MATCHES = "/console/enterprise/matches";

    private final ProductMatches matches;
    private final AccessPolicy access;
    private final Formats fmt;

    MatchPages(ProductMatches matches, AccessPolicy access, Formats fmt) {
        this.matches = matches;
        this.access = access;
        this.fmt = fmt;
    }

    @GetMapping(MATCHES)
    String matches(Model model) {
        model.addAttribute("matches", matches.forEnterprise(LibraryAccess.ownEnterprise(access.caller())).stream()
                .map(r -> new Shown(r, terms(r.product()))).toList());
        return "matching/matches";
    }

    /** A match and the product's terms its criteria are explained with (smelib.match.*.pass / .fail). */
    record Shown(ProductMatches.Result result, Object[] terms) {
    }

    private Object[] terms(ProductRecord p) {
        return new Object[] {fmt.money(p.amountMin()), fmt.money(p.amountMax()), p.termMonthsMin(), p.termMonthsMax(),
                fmt.date(p.windowStart()), p.windowEnd() == null ? "—" : fmt.date(p.windowEnd()),
                p.minCreditRating() == null ? "—" : p.minCreditRating(), p.minValidInventions()};
    }

    @Override
    public List<Item> items(Caller caller) {
        return caller.is(Role.SME) && caller.enterpriseId() != null
                ? List.of(new Item(14, "smelib.menu.matches", MATCHES)) : List.of();
    }
}
