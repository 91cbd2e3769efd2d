package cn.ipf.app.library;

import cn.ipf.api.model.DecisionComment;
import cn.ipf.api.model.EnterpriseForm;
import cn.ipf.api.model.FinancingDemandForm;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.library.policy.AdmissionAction;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.library.policy.AdmissionWorkflow;
import cn.ipf.app.library.policy.SizeClass;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 企业信息 and 融资需求 in the console: the SME's own profile with its derived size class and why, its admission
 * (入库申报) with the reviewers' comments, and its financing demand. The same {@link EnterpriseService},
 * {@link AdmissionService} and {@link DemandService} steps as the API, with the contract's constraints on the forms
 * ({@link EnterpriseForm}, {@link FinancingDemandForm}). The enterprise is always the caller's own: no id in the URL.
 */
@ConsolePage
class EnterprisePages implements ConsoleMenu {

    static final String PROFILE = "/console/enterprise";
    static final String DEMAND = "/console/enterprise/demand";

    private final EnterpriseService enterprises;
    private final AdmissionService admission;
    private final DemandService demands;
    private final BankRegistry banks;
    private final AccessPolicy access;
    private final LibraryForms forms;
    private final ConfirmedIdentities identities;

    EnterprisePages(EnterpriseService enterprises, AdmissionService admission, DemandService demands,
            BankRegistry banks, AccessPolicy access, LibraryForms forms, ConfirmedIdentities identities) {
        this.enterprises = enterprises;
        this.admission = admission;
        this.demands = demands;
        this.banks = banks;
        this.access = access;
        this.forms = forms;
        this.identities = identities;
    }

    @GetMapping(PROFILE)
    String profile(@RequestParam(required = false) String done, Model model) {
        Caller caller = access.caller();
        if (caller.is(Role.SME) && caller.enterpriseId() == null) {
            // a new account registers its enterprise first, as confirmed at sign-up
            EnterpriseForm form = new EnterpriseForm();
            identities.of(caller.userId()).ifPresent(i -> form.uscc(i.uscc()).name(i.enterpriseName())
                    .districtCode(i.districtCode()));
            return showRegistration(caller, form, FormErrors.none(), model);
        }
        EnterpriseView view = enterprises.find(LibraryAccess.ownEnterprise(caller));
        model.addAttribute("done", done);
        return showProfile(view, form(view.record()), FormErrors.none(), model);
    }

    @PostMapping(PROFILE)
    String updateProfile(@ModelAttribute("form") EnterpriseForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        EnterpriseView view = enterprises.find(id);
        form.setUscc(view.record().uscc());  // never changes; shown, not submitted
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                enterprises.update(id, LibraryEnterpriseController.profile(form));
                return "redirect:" + PROFILE + "?done=saved";
            } catch (ApiException e) {
                errors = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        return showProfile(view, form, errors, model);
    }

    /** 企业登记 an SME account without an enterprise registers it; a signed-up account's USCC is the confirmed one. */
    @PostMapping(PROFILE + "/registration")
    String register(@ModelAttribute("form") EnterpriseForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = access.caller();
        identities.of(caller.userId()).ifPresent(i -> form.setUscc(i.uscc()));
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                enterprises.register(LibraryEnterpriseController.profile(form));
                return "redirect:" + PROFILE + "?done=registered";
            } catch (ApiException e) {
                errors = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        return showRegistration(caller, form, errors, model);
    }

    private String showRegistration(Caller caller, EnterpriseForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("confirmed", identities.of(caller.userId()).isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "library/register";
    }

    /** 入库申报 submits the profile for admission, with an optional note to the reviewer. */
    @PostMapping(PROFILE + "/admission")
    String submit(@ModelAttribute DecisionComment comment, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        try {
            admission.submit(id, comment.getComment());
            return "redirect:" + PROFILE + "?done=submitted";
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            EnterpriseView view = enterprises.find(id);
            return showProfile(view, form(view.record()), forms.refusal(request, e), model);
        }
    }

    private String showProfile(EnterpriseView view, EnterpriseForm form, FormErrors errors, Model model) {
        EnterpriseRecord e = view.record();
        AdmissionStatus status = AdmissionStatus.valueOf(e.status());
        List<AdmissionService.Decision> history = admission.history(e.id());
        model.addAttribute("enterprise", view);
        model.addAttribute("size", sizeReason(view));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("history", history.stream().map(AdmissionService.Decision::row).toList());
        // the reviewer's word on the last return or rejection, shown at the top while it stands
        model.addAttribute("returned", history.stream().map(AdmissionService.Decision::row)
                .filter(d -> d.toStatus().equals(e.status())
                        && (status == AdmissionStatus.RETURNED || status == AdmissionStatus.REJECTED))
                .reduce((a, b) -> b).orElse(null));
        model.addAttribute("maySubmit", AdmissionWorkflow.allowedIn(status).contains(AdmissionAction.SUBMIT));
        model.addAttribute("editable", !List.of(AdmissionStatus.SUBMITTED, AdmissionStatus.DISTRICT_APPROVED)
                .contains(status));
        return "library/enterprise";
    }

    /**
     * Why the enterprise has its size class, in its sector: the class's lower bounds it reaches (none for micro) and
     * those of the class above that it misses (none for large).
     */
    record SizeReason(SizeClass size, String sector, List<Bound> reached, SizeClass above, List<Bound> missed) {
    }

    /** One indicator's lower bound: {@code employees} in persons, {@code revenue} and {@code assets} in 万元. */
    record Bound(String indicator, long atLeast) {
    }

    static SizeReason sizeReason(EnterpriseView view) {
        SizeClass size = view.sizeClass();
        SizeClass above = size == SizeClass.LARGE ? null : SizeClass.values()[size.ordinal() + 1];
        return new SizeReason(size, view.sector().name(), bounds(view, size), above,
                above == null ? List.of() : bounds(view, above));
    }

    private static List<Bound> bounds(EnterpriseView view, SizeClass size) {
        return SizeClassifier.lowerBounds(view.sector(), size).map(b -> Stream.of(
                        new Bound("employees", b.employees()), new Bound("revenue", b.revenueWan()),
                        new Bound("assets", b.assetsWan()))
                .filter(bound -> bound.atLeast() > 0).toList()).orElse(List.of());
    }

    private static EnterpriseForm form(EnterpriseRecord e) {
        return new EnterpriseForm().uscc(e.uscc()).name(e.name()).legalRepresentativeName(e.legalRepName())
                .districtCode(e.districtCode()).industryCode(e.industryCode()).employees(e.employees())
                .annualRevenue(e.annualRevenue()).totalAssets(e.totalAssets()).highTech(e.highTech())
                .specializedSme(e.specializedSme()).ipmCertificateNo(e.ipmCertNo())
                .ipmCertificateValidUntil(e.ipmCertValidUntil());
    }

    // ---- 融资需求 ------------------------------------------------------------------------------------------------

    @GetMapping(DEMAND)
    String demand(@RequestParam(required = false) String done, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        FinancingDemandForm form = demands.open(id).map(d -> new FinancingDemandForm().amount(d.amount())
                .termMonths(d.termMonths()).purpose(d.purpose()).neededBy(d.neededBy())
                .preferredBankIds(d.preferredBankIds() == null || d.preferredBankIds().isEmpty() ? List.of()
                        : Arrays.stream(d.preferredBankIds().split(",")).map(Long::valueOf).toList()))
                .orElseGet(FinancingDemandForm::new);
        model.addAttribute("done", done);
        return showDemand(id, form, FormErrors.none(), model);
    }

    @PostMapping(DEMAND)
    String stateDemand(@ModelAttribute("form") FinancingDemandForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long id = LibraryAccess.ownEnterprise(access.caller());
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                demands.state(id, form.getAmount(), form.getTermMonths(), form.getPurpose(),
                        form.getPreferredBankIds(), form.getNeededBy());
                return "redirect:" + DEMAND + "?done=saved";
            } catch (ApiException e) {
                errors = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        return showDemand(id, form, errors, model);
    }

    private String showDemand(long enterpriseId, FinancingDemandForm form, FormErrors errors, Model model) {
        model.addAttribute("demand", demands.open(enterpriseId).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("banks", banks.banks());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "library/demand";
    }

    @Override
    public List<Item> items(Caller caller) {
        if (!caller.is(Role.SME)) {
            return List.of();
        }
        if (caller.enterpriseId() == null) {
            return List.of(new Item(11, "smelib.menu.register", PROFILE));
        }
        return List.of(new Item(11, "smelib.menu.profile", PROFILE), new Item(13, "smelib.menu.demand", DEMAND));
    }
}
