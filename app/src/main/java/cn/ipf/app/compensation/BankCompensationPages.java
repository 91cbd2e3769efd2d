package cn.ipf.app.compensation;

import cn.ipf.api.model.ClaimEvidence;
import cn.ipf.api.model.NewCompensationClaim;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 风险补偿申请 a bank officer's side of compensation claims in the console, through the same
 * {@link CompensationClaims} as the bank API: the bank's claims with their status, loss base and fund sharing; one
 * claim with its gates, sharing lines, evidence, decisions, payment and the recoveries returned to the funds; and
 * filing a claim on a defaulted loan with the contract's {@link NewCompensationClaim} constraints. Only the officer's
 * own bank: another bank's claim is the 404 page.
 */
@ConsolePage
class BankCompensationPages implements ConsoleMenu {

    static final String CLAIMS = "/console/bank/compensation-claims";
    private static final int PAGE_SIZE = 20;
    /** Evidence rows the filing form offers; blank ones are left out. */
    private static final int EVIDENCE_ROWS = 3;

    private final CompensationClaims claims;
    private final CompensationProgrammes programmes;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Problems problems;

    BankCompensationPages(CompensationClaims claims, CompensationProgrammes programmes, AccessPolicy access,
            ConsoleForms forms, Problems problems) {
        this.claims = claims;
        this.programmes = programmes;
        this.access = access;
        this.forms = forms;
        this.problems = problems;
    }

    /** A claim in the list with its sharing lines (a preview until it is payable). */
    record Row(CompensationClaimMapper.ClaimRow claim, List<CompensationClaimMapper.PayoutLineRow> payout) {
    }

    @GetMapping(CLAIMS)
    String list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) Integer page,
            Model model) {
        long bankId = bank();
        Pages.Request request = Pages.request(page == null ? 0 : Math.max(page, 0), PAGE_SIZE);
        CompensationClaims.Listing listing = claims.ofBank(bankId, status, request);
        model.addAttribute("claims", listing.items().stream()
                .map(d -> new Row(d.claim(), claims.payout(d.claim()))).toList());
        model.addAttribute("total", listing.total());
        model.addAttribute("page", request.page());
        model.addAttribute("pages", (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ClaimStatus.values());
        return "compensation/bank-claims";
    }

    @GetMapping(CLAIMS + "/{claimId}")
    String claim(@PathVariable long claimId, @RequestParam(required = false) String done, Model model) {
        CompensationClaims.Detail d = claims.ofBank(bank(), claimId);
        model.addAttribute("done", done);
        model.addAttribute("claim", d.claim());
        model.addAttribute("programme", programmes.row(d.claim().programmeId()).name());
        model.addAttribute("gates", d.gates());
        model.addAttribute("evidence", d.evidence());
        model.addAttribute("payout", d.payout());
        model.addAttribute("payoutFinal", d.payoutFinal());
        model.addAttribute("returns", d.returns());
        return "compensation/bank-claim";
    }

    /** The filing form, on the loan named ({@code ?loan=}, e.g. from the loan book) when given. */
    @GetMapping(CLAIMS + "/new")
    String newClaim(@RequestParam(required = false) String loan, Model model) {
        return form(bank(), new NewCompensationClaim().loanRef(loan), FormErrors.none(), model);
    }

    @PostMapping(CLAIMS)
    String file(@ModelAttribute("form") NewCompensationClaim form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long bankId = bank();
        form.setEvidence(filled(form.getEvidence()));
        FormErrors errors = forms.validate(request, form, binding);
        if (!errors.any()) {
            try {
                CompensationClaims.Filed filed = claims.file(bankId, form.getExternalId(), form.getProgrammeId(),
                        form.getLoanRef(), CompensationViews.evidence(form.getEvidence()));
                return "redirect:" + CLAIMS + "/" + filed.claim().claim().id() + "?done=filed";
            } catch (ApiException e) {
                response.setStatus(e.code().status().value());
                errors = e.code() == ErrorCode.COMPENSATION_GATE_FAILED ? gatesFailed(request, e)
                        : forms.refusal(request, e);
            }
        } else {
            response.setStatus(422);
        }
        return form(bankId, form, errors, model);
    }

    private String form(long bankId, NewCompensationClaim form, FormErrors errors, Model model) {
        List<ClaimEvidence> rows = new ArrayList<>(form.getEvidence() == null ? List.of() : form.getEvidence());
        while (rows.size() < EVIDENCE_ROWS) {
            rows.add(new ClaimEvidence());
        }
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("loans", claims.claimableLoans(bankId));
        model.addAttribute("programmes", programmes.ofBank(bankId));
        model.addAttribute("evidenceKinds", cn.ipf.api.model.EvidenceKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "compensation/bank-claim-new";
    }

    /** The rows given, without the blank ones (an empty list when none is filled). */
    private static List<ClaimEvidence> filled(List<ClaimEvidence> given) {
        return given == null ? new ArrayList<>() : given.stream().filter(e -> e != null && (e.getKind() != null
                || !blank(e.getReference()) || !blank(e.getDescription())))
                .map(e -> e.description(blank(e.getDescription()) ? null : e.getDescription()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Which gates failed, each by its name (the API lists them in the problem's {@code gates}). */
    @SuppressWarnings("unchecked")
    private FormErrors gatesFailed(HttpServletRequest request, ApiException e) {
        FormErrors errors = FormErrors.none().general(problems.text(request, "bankclaim.gatesFailed", ""));
        ((List<Map<String, Object>>) e.properties().get("gates")).stream()
                .filter(g -> !Boolean.TRUE.equals(g.get("passed")))
                .forEach(g -> errors.general(problems.text(request, "subsidy.gateOutcome.FAILED",
                        new Object[] {problems.text(request, "compensation.gate." + g.get("gate"), "")}, "")));
        return errors;
    }

    private long bank() {
        return access.ownBank(access.caller());
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ACT_FOR_BANK) ? List.of(new Item(27, "bankclaim.menu", CLAIMS))
                : List.of();
    }
}
