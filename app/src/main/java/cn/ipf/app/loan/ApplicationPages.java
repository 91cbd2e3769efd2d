package cn.ipf.app.loan;

import cn.ipf.api.model.ApplicationMessage;
import cn.ipf.api.model.AssetRef;
import cn.ipf.api.model.LoanApplicationForm;
import cn.ipf.api.model.LoanOffer;
import cn.ipf.api.model.LoanRejection;
import cn.ipf.api.model.PledgeableAssetKind;
import cn.ipf.api.model.RejectionReason;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.loan.policy.ApplicationStatus;
import cn.ipf.app.loan.policy.ApplicationStatus.Step;
import cn.ipf.app.matching.ProductMatches;
import cn.ipf.app.product.ProductCatalog;
import cn.ipf.app.product.ProductRecord;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.shared.web.Problems;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 贷款申请 in the console, both sides of an application through the same {@link LoanApplications} steps as the API:
 * an SME applies on a matched product, follows its applications with their history and the bank's response deadline
 * (限时响应), answers the bank's information request (补充材料) and accepts or declines the offer; a bank officer works
 * the bank's queue, asks for information, approves with an offer or rejects with a coded reason. The forms are the
 * contract's models ({@link LoanApplicationForm}, {@link ApplicationMessage}, {@link LoanOffer}, {@link LoanRejection})
 * checked with its constraints. Another enterprise's or bank's application is the 404 page, as in the API.
 */
@ConsolePage
class ApplicationPages implements ConsoleMenu {

    static final String MINE = "/console/applications";
    static final String BANK = "/console/bank/applications";
    private static final int QUEUE_SIZE = 20;

    private final LoanApplications applications;
    private final ProductCatalog products;
    private final ProductMatches matches;
    private final BankRegistry banks;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Problems problems;

    ApplicationPages(LoanApplications applications, ProductCatalog products, ProductMatches matches,
            BankRegistry banks, BusinessCalendar calendar, AccessPolicy access, ConsoleForms forms,
            Problems problems) {
        this.applications = applications;
        this.products = products;
        this.matches = matches;
        this.banks = banks;
        this.calendar = calendar;
        this.access = access;
        this.forms = forms;
        this.problems = problems;
    }

    // ---- the enterprise's side

    @GetMapping(MINE)
    String mine(Model model) {
        model.addAttribute("applications", applications.ofEnterprise(ownEnterprise()));
        model.addAttribute("today", calendar.today());
        return "loan/applications";
    }

    @GetMapping(MINE + "/new")
    String newApplication(@RequestParam long product, Model model) {
        return applyPage(ownEnterprise(), new LoanApplicationForm().productId(product), List.of(), FormErrors.none(),
                model);
    }

    /** The assets ticked come as {@code asset=PATENT:12}; the rest binds to the contract's form. */
    @PostMapping(MINE)
    String apply(@ModelAttribute("form") LoanApplicationForm form, BindingResult binding,
            @RequestParam(name = "asset", required = false) List<String> ticked, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long enterpriseId = ownEnterprise();
        List<String> chosen = ticked == null ? List.of() : ticked;
        form.setAssets(refs(chosen));
        FormErrors errors = check(request, form, binding);
        if (!errors.any()) {
            try {
                LoanApplications.Detail d = applications.apply(enterpriseId, new LoanApplications.Form(
                        form.getProductId(), form.getAmount(), form.getTermMonths(), form.getPurpose(),
                        LoanViews.refs(form.getAssets())));
                return "redirect:" + MINE + "/" + d.application().id() + "?done=submitted";
            } catch (ApiException e) {
                notFoundAsPage(e);
                errors = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        return applyPage(enterpriseId, form, chosen, errors, model);
    }

    @GetMapping(MINE + "/{id}")
    String myApplication(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return sme(ownEnterprise(), id, model).apply(FormErrors.none());
    }

    /** 补充材料 the enterprise's answer to the bank's information request. */
    @PostMapping(MINE + "/{id}/information")
    String answer(@PathVariable long id, @ModelAttribute("messageForm") ApplicationMessage answer,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long enterpriseId = ownEnterprise();
        return submit(forms.validate(request, answer), MINE, id, "answered",
                () -> applications.provideInformation(enterpriseId, id, answer.getMessage()),
                request, response, sme(enterpriseId, id, model));
    }

    @PostMapping(MINE + "/{id}/acceptance")
    String accept(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        long enterpriseId = ownEnterprise();
        return submit(FormErrors.none(), MINE, id, "accepted", () -> applications.acceptOffer(enterpriseId, id),
                request, response, sme(enterpriseId, id, model));
    }

    @PostMapping(MINE + "/{id}/declination")
    String decline(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        long enterpriseId = ownEnterprise();
        return submit(FormErrors.none(), MINE, id, "declined",
                () -> applications.declineOffer(enterpriseId, id, null), request, response,
                sme(enterpriseId, id, model));
    }

    /** The caller's enterprise; only an SME acts for one (403 otherwise), and one not yet registered has none. */
    private long ownEnterprise() {
        Caller caller = access.caller();
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        Long enterpriseId = access.visibleEnterprise(caller);
        if (enterpriseId == null || enterpriseId < 0) {
            throw new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, "-");
        }
        return enterpriseId;
    }

    private String applyPage(long enterpriseId, LoanApplicationForm form, List<String> chosen, FormErrors errors,
            Model model) {
        ProductRecord product = products.version(form.getProductId() == null ? -1 : form.getProductId())
                .orElseThrow(() -> new ApiException(ErrorCode.PRODUCT_NOT_FOUND, form.getProductId()));
        model.addAttribute("product", product);
        model.addAttribute("bankName", banks.bank(product.bankId()).map(Bank::name).orElse(""));
        model.addAttribute("match", matches.forEnterprise(enterpriseId).stream()
                .filter(r -> r.product().id().equals(product.id())).findFirst().map(ProductMatches.Result::match)
                .orElse(null));
        model.addAttribute("assets", applications.offerable(enterpriseId));
        model.addAttribute("chosen", Set.copyOf(chosen));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "loan/apply";
    }

    /** The application page as its enterprise sees it, shown with the errors given. */
    private Function<FormErrors, String> sme(long enterpriseId, long id, Model model) {
        return errors -> {
            LoanApplications.Detail d = applications.ofEnterprise(enterpriseId, id);
            ApplicationStatus status = d.application().status();
            model.addAttribute("mayAnswer", status.after(Step.PROVIDE_INFO).isPresent());
            model.addAttribute("mayAccept", status.after(Step.ACCEPT).isPresent());
            return show(d, MINE, errors, model);
        };
    }

    // ---- the bank's side

    @GetMapping(BANK)
    String queue(@RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) Integer page, Model model) {
        long bankId = access.ownBank(access.caller());
        Pages.Request request = Pages.request(page == null ? null : Math.max(0, page), QUEUE_SIZE);
        LoanApplications.Page found = applications.ofBank(bankId, status, request);
        model.addAttribute("applications", found.items());
        model.addAttribute("total", found.total());
        Map<String, Long> counts = new HashMap<>();
        applications.countsOfBank(bankId).forEach((s, n) -> counts.put(s.name(), n));
        model.addAttribute("counts", counts);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("page", request.page());
        model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
        model.addAttribute("today", calendar.today());
        return "loan/bank-applications";
    }

    @GetMapping(BANK + "/{id}")
    String bankApplication(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return bank(access.ownBank(access.caller()), id, model).apply(FormErrors.none());
    }

    @PostMapping(BANK + "/{id}/information-request")
    String requestInformation(@PathVariable long id, @ModelAttribute("messageForm") ApplicationMessage question,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        return submit(forms.validate(request, question), BANK, id, "asked",
                () -> applications.requestInformation(bankId, id, question.getMessage()),
                request, response, bank(bankId, id, model));
    }

    @PostMapping(BANK + "/{id}/approval")
    String approve(@PathVariable long id, @ModelAttribute("offer") LoanOffer offer, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        return submit(check(request, offer, binding), BANK, id, "approved",
                () -> applications.approve(bankId, id, new LoanApplications.Offer(offer.getAmount(),
                        offer.getAnnualRate(), offer.getTermMonths())), request, response, bank(bankId, id, model));
    }

    @PostMapping(BANK + "/{id}/rejection")
    String reject(@PathVariable long id, @ModelAttribute("rejection") LoanRejection rejection, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        return submit(check(request, rejection, binding), BANK, id, "rejected",
                () -> applications.reject(bankId, id, rejection.getReasonCode().getValue(), rejection.getNote()),
                request, response, bank(bankId, id, model));
    }

    /** The application page as its bank sees it, shown with the errors given. */
    private Function<FormErrors, String> bank(long bankId, long id, Model model) {
        return errors -> {
            LoanApplications.Detail d = applications.ofBank(bankId, id);
            ApplicationStatus status = d.application().status();
            model.addAttribute("mayAsk", status.after(Step.REQUEST_INFO).isPresent());
            model.addAttribute("mayApprove", status.after(Step.APPROVE).isPresent());
            model.addAttribute("mayReject", status.after(Step.REJECT).isPresent());
            model.addAttribute("reasons", RejectionReason.values());
            if (!model.containsAttribute("offer")) {
                model.addAttribute("offer", new LoanOffer().amount(d.application().amount())
                        .termMonths(d.application().termMonths()));
            }
            if (!model.containsAttribute("rejection")) {
                model.addAttribute("rejection", new LoanRejection());
            }
            return show(d, BANK, errors, model);
        };
    }

    // ---- shared by both sides

    /**
     * Runs a step of a form that passed its checks and shows the application with what it led to; a refusal is shown
     * by the form (an application the caller may not see stays the 404 page).
     */
    private String submit(FormErrors errors, String base, long id, String outcome, Runnable step,
            HttpServletRequest request, HttpServletResponse response, Function<FormErrors, String> page) {
        if (errors.any()) {
            response.setStatus(422);
            return page.apply(errors);
        }
        try {
            step.run();
            return "redirect:" + base + "/" + id + "?done=" + outcome;
        } catch (ApiException e) {
            notFoundAsPage(e);
            response.setStatus(e.code().status().value());
            return page.apply(forms.refusal(request, e));
        }
    }

    private String show(LoanApplications.Detail d, String base, FormErrors errors, Model model) {
        model.addAttribute("detail", d);
        model.addAttribute("base", base);
        model.addAttribute("today", calendar.today());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        if (!model.containsAttribute("messageForm")) {
            model.addAttribute("messageForm", new ApplicationMessage());
        }
        return "loan/application";
    }

    /** A value that did not even convert (letters in an amount, an unknown code) first, then the constraints. */
    private <T> FormErrors check(HttpServletRequest request, T form, BindingResult binding) {
        FormErrors errors = FormErrors.none();
        binding.getFieldErrors().forEach(e -> errors.field(e.getField(), problems.text(request,
                "violation." + e.getField() + ".typeMismatch", problems.text(request, "violation.typeMismatch",
                        e.getDefaultMessage()))));
        forms.validate(request, form).fields().forEach(errors::field);
        return errors;
    }

    private static void notFoundAsPage(ApiException e) {
        if (e.code().status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
    }

    /** {@code PATENT:12} → the asset; anything else names no asset and is left out (the form then needs one). */
    private static List<AssetRef> refs(List<String> ticked) {
        List<AssetRef> refs = new ArrayList<>();
        for (String value : ticked) {
            String[] parts = value.split(":", 2);
            try {
                refs.add(new AssetRef().kind(PledgeableAssetKind.fromValue(parts[0])).id(Long.parseLong(parts[1])));
            } catch (RuntimeException e) {
                // a tampered value: not an asset of this enterprise either way
            }
        }
        return refs;
    }

    @Override
    public List<Item> items(Caller caller) {
        if (caller.is(Role.SME)) {
            return List.of(new Item(15, "apps.myApplications", MINE));
        }
        return access.may(caller, Permission.ACT_FOR_BANK) ? List.of(new Item(20, "apps.bankQueue", BANK))
                : List.of();
    }
}
