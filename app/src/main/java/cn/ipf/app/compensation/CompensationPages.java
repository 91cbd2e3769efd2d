package cn.ipf.app.compensation;

import cn.ipf.api.model.CompensationClaimRejection;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.compensation.policy.ClaimStatus;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.disposal.DisposalCases;
import cn.ipf.app.material.Materials;
import cn.ipf.app.material.policy.MaterialSubject;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 风险补偿审核 in the console: the reviewers' queue of compensation claims and a claim with its gates, evidence, the
 * bank's materials (each opening audited as the API's download is), the payout lines and the recoveries returned to
 * the layers (each linked to the disposal case whose proceeds it was); district then city approval,
 * or return with a reason the bank sees (the claim is rejected). The same {@link CompensationClaims} steps as the API,
 * with the contract's constraint on the reason ({@link CompensationClaimRejection}).
 */
@ConsolePage
class CompensationPages implements ConsoleMenu {

    static final String CLAIMS = "/console/compensation/claims";
    private static final int PAGE_SIZE = 20;
    private static final Pages.Request ONE = Pages.request(0, 1);

    private final CompensationClaims claims;
    private final CompensationProgrammes programmes;
    private final Materials materials;
    private final DisposalCases disposals;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    CompensationPages(CompensationClaims claims, CompensationProgrammes programmes, Materials materials,
            DisposalCases disposals, AccessPolicy access, ConsoleForms forms) {
        this.claims = claims;
        this.programmes = programmes;
        this.materials = materials;
        this.disposals = disposals;
        this.access = access;
        this.forms = forms;
    }

    /** 待审核 / 已退回 / 待兑付 for the caller's level. */
    record Counts(long pending, long returned, long awaitingPayment) {
    }

    @GetMapping(CLAIMS)
    String list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) Integer page,
            Model model) {
        Pages.Request request = Pages.request(page == null ? 0 : Math.max(page, 0), PAGE_SIZE);
        CompensationClaims.Listing listing = claims.list(null, null, status, request);
        Caller caller = access.caller();
        ClaimStatus pending = pendingStatus(caller);
        model.addAttribute("counts", new Counts(count(pending) + (pending == ClaimStatus.DISTRICT_APPROVED
                ? count(ClaimStatus.FILED) : 0), count(ClaimStatus.REJECTED), count(ClaimStatus.CITY_APPROVED)
                + count(ClaimStatus.WAITING_FOR_FUNDS) + count(ClaimStatus.PAYABLE)));
        model.addAttribute("pendingStatus", pending);
        model.addAttribute("claims", listing.items().stream().map(CompensationClaims.Detail::claim).toList());
        model.addAttribute("banks", bankNames(listing.items().stream().map(d -> d.claim().programmeId()).toList()));
        model.addAttribute("total", listing.total());
        model.addAttribute("page", request.page());
        model.addAttribute("pages", (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ClaimStatus.values());
        return "compensation/claims";
    }

    @GetMapping(CLAIMS + "/{claimId}")
    String claim(@PathVariable long claimId, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return show(claims.get(claimId), model, FormErrors.none());
    }

    @PostMapping(CLAIMS + "/{claimId}/district-approval")
    String approveForDistrict(@PathVariable long claimId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return step(claimId, "approved", () -> claims.approveForDistrict(claimId), request, response, model);
    }

    @PostMapping(CLAIMS + "/{claimId}/city-approval")
    String approveForCity(@PathVariable long claimId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return step(claimId, "approved", () -> claims.approveForCity(claimId), request, response, model);
    }

    /** 退回 the claim is rejected with the reason; the bank sees it and may file again. */
    @PostMapping(CLAIMS + "/{claimId}/return")
    String returnClaim(@PathVariable long claimId, @ModelAttribute CompensationClaimRejection rejection,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("reason", rejection.getReason());
        FormErrors errors = forms.validate(request, rejection);
        if (errors.any()) {
            response.setStatus(422);
            return show(claims.get(claimId), model, errors);
        }
        return step(claimId, "returned", () -> claims.reject(claimId, rejection.getReason()), request, response,
                model);
    }

    /**
     * 质物处置 a disposal case of the claim's loan: its steps and proceeds, and what the proceeds returned to the
     * layers of this claim. Whoever sees the claim sees its loan's cases; another loan's case is the 404 page.
     */
    @GetMapping(CLAIMS + "/{claimId}/disposal-cases/{caseId}")
    String disposalCase(@PathVariable long claimId, @PathVariable long caseId, Model model) {
        CompensationClaims.Detail detail = claims.get(claimId);
        DisposalCases.Case disposal = disposals.onLoan(detail.claim().loanId()).stream()
                .filter(d -> d.id() == caseId).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.DISPOSAL_CASE_NOT_FOUND, caseId));
        model.addAttribute("claim", detail.claim());
        model.addAttribute("disposal", disposal);
        model.addAttribute("returns", detail.returns().stream()
                .filter(r -> Long.valueOf(caseId).equals(r.row().disposalCaseId())).toList());
        return "compensation/disposal-case";
    }

    /** A material of the claim, shown in the browser (not downloaded); who opened which file is audited. */
    @GetMapping(CLAIMS + "/{claimId}/materials/{materialId}")
    ResponseEntity<byte[]> material(@PathVariable long claimId, @PathVariable long materialId) {
        claims.get(claimId);
        Materials.Download d = materials.open(MaterialSubject.COMPENSATION_CLAIM, claimId, materialId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.material().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    private String step(long claimId, String outcome, Runnable action, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return forms.step(action, CLAIMS + "/" + claimId + "?done=" + outcome, "compensation", request, response,
                errors -> show(claims.get(claimId), model, errors));
    }

    private String show(CompensationClaims.Detail detail, Model model, FormErrors errors) {
        Caller caller = access.caller();
        ClaimStatus status = ClaimStatus.valueOf(detail.claim().status());
        model.addAttribute("claim", detail.claim());
        model.addAttribute("bank", bankNames(List.of(detail.claim().programmeId())).get(detail.claim().bankId()));
        model.addAttribute("gates", detail.gates());
        model.addAttribute("evidence", detail.evidence());
        model.addAttribute("materials", materials.list(MaterialSubject.COMPENSATION_CLAIM, detail.claim().id()));
        model.addAttribute("payout", detail.payout());
        model.addAttribute("payoutFinal", detail.payoutFinal());
        model.addAttribute("returns", detail.returns());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("reviewReasonLabel", "compensation.reasonLabel");
        model.addAttribute("mayApproveForDistrict", status == ClaimStatus.FILED
                && access.may(caller, Permission.APPROVE_COMPENSATION_CLAIM_FOR_DISTRICT));
        model.addAttribute("mayApproveForCity", status == ClaimStatus.DISTRICT_APPROVED
                && access.may(caller, Permission.APPROVE_COMPENSATION_CLAIM_FOR_CITY));
        // once the district has approved, only the city decides (as the service refuses otherwise)
        model.addAttribute("mayReturn", access.may(caller, Permission.REJECT_COMPENSATION_CLAIM)
                && status.after(ClaimStatus.Step.REJECT).isPresent()
                && !(status == ClaimStatus.DISTRICT_APPROVED && caller.is(Role.DISTRICT_REVIEWER)));
        return "compensation/claim";
    }

    private long count(ClaimStatus status) {
        return claims.list(null, null, status, ONE).total();
    }

    /** What waits for the caller: district approval, or for a city reviewer the city approval (and district ones). */
    private static ClaimStatus pendingStatus(Caller caller) {
        return caller.is(Role.CITY_REVIEWER) ? ClaimStatus.DISTRICT_APPROVED : ClaimStatus.FILED;
    }

    /** Bank id → name, from the programmes' cooperation agreements. */
    private Map<Long, String> bankNames(List<Long> programmeIds) {
        return programmeIds.stream().distinct().flatMap(p -> programmes.agreements(p).stream())
                .collect(Collectors.toMap(CompensationMapper.AgreementRow::bankId,
                        CompensationMapper.AgreementRow::bankName, (a, b) -> a));
    }

    @Override
    public List<Item> items(Caller caller) {
        if (!access.may(caller, Permission.REJECT_COMPENSATION_CLAIM)) {
            return List.of();
        }
        return List.of(new Item(40, "compensation.claims", CLAIMS));
    }
}
