package cn.ipf.app.loan;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.loan.policy.LoanStatus;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A bank officer's 贷款台账 (the bank's loan book with every record it reported, through the same {@link LoanBook}
 * as the bank API) and its own 限时响应 scorecard ({@link BankScorecards}). Only the officer's own bank is shown; a
 * loan of another bank by URL is the 404 page.
 */
@ConsolePage
class BankLoanPages implements ConsoleMenu {

    static final String LOANS = "/console/bank/loans";
    static final String SCORECARD = "/console/bank/scorecard";
    private static final int PAGE_SIZE = 20;

    private final LoanBook book;
    private final BankScorecards scorecards;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;

    BankLoanPages(LoanBook book, BankScorecards scorecards, BusinessCalendar calendar, AccessPolicy access) {
        this.book = book;
        this.scorecards = scorecards;
        this.calendar = calendar;
        this.access = access;
    }

    @GetMapping(LOANS)
    String loans(@RequestParam(required = false) LoanStatus status, @RequestParam(required = false) Integer page,
            Model model) {
        long bankId = access.ownBank(access.caller());
        Pages.Request request = Pages.request(page == null ? null : Math.max(0, page), PAGE_SIZE);
        LoanBook.Page found = book.ofBank(bankId, status, request);
        model.addAttribute("loans", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("status", status);
        model.addAttribute("statuses", LoanStatus.values());
        model.addAttribute("page", request.page());
        model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
        return "loan/bank-loans";
    }

    @GetMapping(LOANS + "/{loanRef}")
    String loan(@PathVariable String loanRef, Model model) {
        model.addAttribute("detail", book.detail(access.ownBank(access.caller()), loanRef));
        return "loan/bank-loan";
    }

    /** The month asked for ({@code 2025-03}); anything else shows the current month. */
    @GetMapping(SCORECARD)
    String scorecard(@RequestParam(required = false) String month, Model model) {
        long bankId = access.ownBank(access.caller());
        YearMonth current = YearMonth.from(calendar.today());
        YearMonth shown = current;
        if (month != null && !month.isBlank()) {
            try {
                shown = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                shown = current;
            }
        }
        model.addAttribute("card", ScorecardViews.view(scorecards.own(bankId, shown)));
        model.addAttribute("month", shown.toString());
        return "loan/bank-scorecard";
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ACT_FOR_BANK)
                ? List.of(new Item(25, "apps.bankLoans", LOANS), new Item(26, "apps.scorecard", SCORECARD))
                : List.of();
    }
}
