package cn.ipf.app.bank;

import cn.ipf.api.model.NewBankApp;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 银行与接入应用 in the administrator's console: banks, their API apps and secrets. A new secret (a new app, or a
 * rotation) is shown once, on the page that answers the form, never stored for display (no-store); older secrets stay
 * valid until revoked, so a bank can switch without downtime. The same {@link BankRegistry} as the API, with the
 * contract's constraints on the form ({@link NewBankApp}).
 */
@ConsolePage
class AdminBankPages implements ConsoleMenu {

    static final String BANKS = "/console/admin/banks";

    private final BankRegistry registry;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    AdminBankPages(BankRegistry registry, AccessPolicy access, ConsoleForms forms) {
        this.registry = registry;
        this.access = access;
        this.forms = forms;
    }

    /** An app with its secrets, for the page. */
    record AppView(BankApp app, List<AppSecret> secrets) {

        public long active() {
            return secrets.stream().filter(AppSecret::active).count();
        }
    }

    @GetMapping(BANKS)
    String banks(Model model) {
        admin();
        model.addAttribute("banks", registry.banks());
        return "admin/banks";
    }

    @GetMapping(BANKS + "/{bankId}")
    String bank(@PathVariable long bankId, @RequestParam(required = false) String done, Model model) {
        admin();
        model.addAttribute("done", done);
        return bank(bankId, model, new NewBankApp(), FormErrors.none(), null);
    }

    @PostMapping(BANKS + "/{bankId}/apps")
    String createApp(@PathVariable long bankId, @ModelAttribute("form") NewBankApp form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        return forms.submit(request, response, form, binding,
                () -> issued(bankId, registry.createApp(bankId, form.getName(), form.getRateLimitPerMinute()),
                        response, model),
                errors -> bank(bankId, model, form, errors, null));
    }

    /** 轮换 issues a new secret beside the active ones; the bank switches, then the old one is revoked. */
    @PostMapping(BANKS + "/apps/{appId}/secrets")
    String rotate(@PathVariable String appId, HttpServletResponse response, Model model) {
        admin();
        BankApp app = app(appId);
        return issued(app.bankId(), registry.addSecret(appId), response, model);
    }

    @PostMapping(BANKS + "/apps/{appId}/secrets/{secretId}/revoke")
    String revoke(@PathVariable String appId, @PathVariable long secretId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        BankApp app = app(appId);
        try {
            registry.revokeSecret(appId, secretId);
            return "redirect:" + BANKS + "/" + app.bankId() + "?done=revoked";
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return bank(app.bankId(), model, new NewBankApp(), forms.refusal(request, e), null);
        }
    }

    @PostMapping(BANKS + "/apps/{appId}/enabled")
    String setEnabled(@PathVariable String appId, @RequestParam boolean enabled) {
        admin();
        BankApp app = registry.setEnabled(app(appId).appId(), enabled);
        return "redirect:" + BANKS + "/" + app.bankId() + "?done=" + (enabled ? "enabled" : "disabled");
    }

    private String issued(long bankId, BankRegistry.IssuedSecret issued, HttpServletResponse response,
            Model model) {
        // the secret is in this page only: no cache may keep it
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return bank(bankId, model, new NewBankApp(), FormErrors.none(), issued);
    }

    private BankApp app(String appId) {
        return registry.app(appId).orElseThrow(() -> new ApiException(ErrorCode.APP_NOT_FOUND, appId));
    }

    private String bank(long bankId, Model model, NewBankApp form, FormErrors errors,
            BankRegistry.IssuedSecret issued) {
        Bank bank = registry.bank(bankId).orElseThrow(() -> new ApiException(ErrorCode.BANK_NOT_FOUND, bankId));
        model.addAttribute("bank", bank);
        model.addAttribute("apps", registry.apps(bankId).stream()
                .map(a -> new AppView(a, registry.secrets(a.appId()))).toList());
        model.addAttribute("issued", issued);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/bank";
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(93, "admin.banks.title", BANKS)) : List.of();
    }
}
