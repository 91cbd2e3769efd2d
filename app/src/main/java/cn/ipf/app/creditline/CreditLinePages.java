package cn.ipf.app.creditline;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.shared.web.Pages;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 集合授信 in the console, read-only for regulators and admins: every bank's lines with their usage and one line's
 * members, through the same {@link CreditLines} reads as the regulator API (which checks the permission).
 */
@ConsolePage
class CreditLinePages implements ConsoleMenu {

    static final String LINES = "/console/credit-lines";
    private static final int SHOWN = 100;

    private final CreditLines lines;
    private final AccessPolicy access;

    CreditLinePages(CreditLines lines, AccessPolicy access) {
        this.lines = lines;
        this.access = access;
    }

    @GetMapping(LINES)
    String lines(Model model) {
        CreditLines.Page page = lines.all(null, Pages.request(0, SHOWN));
        model.addAttribute("lines", page.items());
        model.addAttribute("total", page.total());
        return "creditline/lines";
    }

    @GetMapping(LINES + "/{lineId}")
    String line(@PathVariable long lineId, Model model) {
        model.addAttribute("line", lines.any(lineId));
        return "creditline/line";
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.READ_CREDIT_LINES) ? List.of(new Item(60, "creditLine.menu", LINES))
                : List.of();
    }
}
