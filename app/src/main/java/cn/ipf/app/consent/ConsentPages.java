package cn.ipf.app.consent;

import cn.ipf.api.model.ConsentForm;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 数据授权 in the console: the SME's consents to banks by data scope (grant, widen, revoke) and the log of which bank
 * looked (查看记录). The same {@link ConsentService} and {@link BankViewLog} as the API.
 */
@ConsolePage
class ConsentPages implements ConsoleMenu {

    static final String CONSENTS = "/console/enterprise/consents";
    private static final int LOG_PAGE = 20;

    private final ConsentService consents;
    private final BankViewLog views;
    private final BankRegistry banks;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    ConsentPages(ConsentService consents, BankViewLog views, BankRegistry banks, AccessPolicy access,
            ConsoleForms forms) {
        this.consents = consents;
        this.views = views;
        this.banks = banks;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(CONSENTS)
    String list(@RequestParam(required = false) String done, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("done", done);
        return show(own(), page, FormErrors.none(), model);
    }

    /** 授权 a new consent: to one bank or to all partner banks, for the scopes ticked (none ticked = all). */
    @PostMapping(CONSENTS)
    String grant(@ModelAttribute ConsentForm form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        long id = own();
        return step(id, "granted", () -> consents.grant(id, form.getBankId(), scopes(form)), request, response,
                model);
    }

    /** 扩大授权 adds the scopes ticked to a standing consent. */
    @PostMapping(CONSENTS + "/{consentId}/widening")
    String widen(@PathVariable long consentId, @ModelAttribute ConsentForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long id = own();
        return step(id, "widened", () -> consents.widen(id, consentId, scopes(form)), request, response, model);
    }

    /** 撤回 revokes a consent: the banks it covered no longer see the data it shared. */
    @PostMapping(CONSENTS + "/{consentId}/revocation")
    String revoke(@PathVariable long consentId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        long id = own();
        return step(id, "revoked", () -> consents.revoke(id, consentId), request, response, model);
    }

    private String step(long enterpriseId, String outcome, Runnable action, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            action.run();
            return "redirect:" + CONSENTS + "?done=" + outcome;
        } catch (ApiException e) {
            if (e.code().status() == HttpStatus.NOT_FOUND) {  // another enterprise's consent: the 404 page
                throw e;
            }
            response.setStatus(e.code().status().value());
            return show(enterpriseId, null, forms.refusal(request, e), model);
        }
    }

    private String show(long enterpriseId, Integer page, FormErrors errors, Model model) {
        Pages.Request request = Pages.request(page == null || page < 0 ? 0 : page, LOG_PAGE);
        BankViewLog.Page log = views.of(enterpriseId, request);
        Map<Long, String> bankNames = banks.banks().stream().collect(Collectors.toMap(Bank::id, Bank::name));
        List<ConsentView> all = consents.of(enterpriseId).stream().map(c -> new ConsentView(c,
                c.bankScope() == ConsentService.ALL_BANKS ? null : bankNames.get(c.bankScope()),
                DataScope.parse(c.dataScopes()))).toList();
        model.addAttribute("consents", all);
        model.addAttribute("banks", banks.banks());
        model.addAttribute("scopes", List.of(DataScope.values()));
        model.addAttribute("log", log.rows());
        model.addAttribute("logTotal", log.total());
        model.addAttribute("logPage", request.page());
        model.addAttribute("logPages", (log.total() + LOG_PAGE - 1) / LOG_PAGE);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "consent/consents";
    }

    /** A consent as shown: whom it covers ({@code bankName} null = all partner banks) and what it shares. */
    record ConsentView(ConsentMapper.ConsentRow consent, String bankName, Set<DataScope> scopes) {

        /** Public for the template (the row's own accessor is package-private). */
        public boolean active() {
            return consent.active();
        }
    }

    private static List<DataScope> scopes(ConsentForm form) {
        return form.getScopes() == null ? List.of() : form.getScopes().stream()
                .map(s -> DataScope.valueOf(s.getValue())).toList();
    }

    private long own() {
        return LibraryAccess.ownEnterprise(access.caller());
    }

    @Override
    public List<Item> items(Caller caller) {
        return caller.is(Role.SME) && caller.enterpriseId() != null
                ? List.of(new Item(15, "smelib.menu.consents", CONSENTS)) : List.of();
    }
}
