package cn.ipf.app.subsidy;

import cn.ipf.api.model.ClaimDeclaration;
import cn.ipf.api.model.ClaimRejection;
import cn.ipf.api.model.ReceivingAccount;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.material.Materials;
import cn.ipf.app.material.policy.MaterialSubject;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import cn.ipf.app.subsidy.policy.GateTrace;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 补贴申报 in the console: an SME's claims with every line's trace in words, its declaration with materials (申报材料,
 * stored and checked by {@link Materials}); a reviewer's work queue, the files (each viewing audited), approval or
 * return, one claim at a time or a page of them. The same {@link SubsidyClaims} steps as the API, with the contract's
 * constraints on the forms ({@link ClaimDeclaration}, {@link ClaimRejection}).
 */
@ConsolePage
class SubsidyPages implements ConsoleMenu, HomePanel {

    static final String CLAIMS = "/console/subsidy/claims";
    /** Computed claims whose declaration deadline is this close count as 即将超期. */
    static final int DUE_SOON_DAYS = 7;
    private static final Pages.Request QUEUE_PAGE = Pages.request(0, 20);

    private final SubsidyClaims claims;
    private final ClaimMaterials files;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    /** One transaction per claim of a bulk approval: a refused claim does not undo the others. */
    private final TransactionTemplate eachOnItsOwn;

    SubsidyPages(SubsidyClaims claims, ClaimMaterials files, AccessPolicy access, ConsoleForms forms,
            PlatformTransactionManager transactions) {
        this.claims = claims;
        this.files = files;
        this.access = access;
        this.forms = forms;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @GetMapping(CLAIMS)
    String list(@RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) Integer page, Model model) {
        SubsidyClaims.Listing listing = claims.list(null, null, null, status, null, Pages.request(page, 50));
        model.addAttribute("claims", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("status", status);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("approvable", listing.items().stream().filter(this::approvable)
                .map(ClaimMapper.ClaimRow::id).toList());
        return "subsidy/claims";
    }

    /** Whether the caller's next approval step applies to the claim as listed (the service checks it again). */
    private boolean approvable(ClaimMapper.ClaimRow c) {
        Caller caller = access.caller();
        ClaimStatus status = ClaimStatus.valueOf(c.status());
        return status == ClaimStatus.DECLARED && access.may(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_DISTRICT)
                || status == ClaimStatus.DISTRICT_APPROVED
                && access.may(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_CITY);
    }

    /** A claim of a bulk approval and how it went: approved (its new status) or refused (why). */
    record BulkOutcome(long claimId, String enterpriseName, String status, String refusal) {
    }

    /**
     * 批量审核 approves the selected claims one by one, each in its own transaction with the same checks and audit
     * as a single approval (budget, maker-checker, its status); the result lists which were approved and which were
     * refused and why.
     */
    @PostMapping(CLAIMS + "/bulk-approval")
    String approveMany(@RequestParam(name = "claimId", required = false) List<Long> claimIds,
            HttpServletRequest request, Model model) {
        List<BulkOutcome> approved = new ArrayList<>();
        List<BulkOutcome> refused = new ArrayList<>();
        for (long claimId : claimIds == null ? List.<Long>of() : claimIds.stream().distinct().toList()) {
            try {
                ClaimMapper.ClaimRow done = eachOnItsOwn.execute(s -> approveNext(claimId).claim());
                approved.add(new BulkOutcome(claimId, done.enterpriseName(), done.status(), null));
            } catch (ApiException e) {
                refused.add(new BulkOutcome(claimId, null, null, forms.describe(request, e)));
            }
        }
        model.addAttribute("approved", approved);
        model.addAttribute("refused", refused);
        return "subsidy/bulk-result";
    }

    /** The approval the claim waits for: the city's after the district's, else the district's. */
    private SubsidyClaims.ClaimDetail approveNext(long claimId) {
        ClaimStatus status = ClaimStatus.valueOf(claims.detail(claimId).claim().status());
        return status == ClaimStatus.DISTRICT_APPROVED ? claims.approveForCity(claimId)
                : claims.approveForDistrict(claimId);
    }

    @GetMapping(CLAIMS + "/{claimId}")
    String claim(@PathVariable long claimId, @RequestParam(required = false) String done,
            @RequestParam(required = false) String upload, HttpServletRequest request, Model model) {
        model.addAttribute("done", done);
        return show(claims.detail(claimId), model, new ClaimDeclaration().account(new ReceivingAccount()),
                files.errors(upload, request));
    }

    @PostMapping(CLAIMS + "/{claimId}/declaration")
    String declare(@PathVariable long claimId, @ModelAttribute ClaimDeclaration form,
            @RequestParam(name = ClaimMaterials.FIELD, required = false) List<MultipartFile> uploads,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.getAccount() == null) {
            form.setAccount(new ReceivingAccount());
        }
        FormErrors errors = forms.validate(request, form);
        if (!errors.any()) {
            ReceivingAccount a = form.getAccount();
            errors = files.withFiles(MaterialSubject.Purpose.DECLARATION, ClaimMaterials.chosen(uploads), () -> {
                claims.declare(claimId, new SubsidyClaims.Account(a.getName(), a.getBank(), a.getNumber()),
                        form.getNoDoubleSubsidy());
                return claimId;
            }, request, response);
            if (!errors.any()) {
                return done(claimId, "declared");
            }
        } else {
            response.setStatus(422);
        }
        return show(claims.detail(claimId), model, form, errors);
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

    /** 退回 a reviewer returns the claim with the reason (the claim is rejected; the SME sees why). */
    @PostMapping(CLAIMS + "/{claimId}/return")
    String returnClaim(@PathVariable long claimId, @ModelAttribute ClaimRejection rejection,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = forms.validate(request, rejection);
        if (errors.any()) {
            response.setStatus(422);
            model.addAttribute("rejection", rejection);
            return show(claims.detail(claimId), model, null, errors);
        }
        return step(claimId, "returned", () -> claims.reject(claimId, rejection.getReason()), request, response,
                model);
    }

    /** A file of the claim, shown in the browser (a PDF or image opens in its own tab); the viewing is audited. */
    @GetMapping(CLAIMS + "/{claimId}/materials/{materialId}")
    ResponseEntity<byte[]> material(@PathVariable long claimId, @PathVariable long materialId) {
        Materials.Download d = files.open(claimId, materialId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.material().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    private String step(long claimId, String outcome, Runnable action, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            action.run();
            return done(claimId, outcome);
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return show(claims.detail(claimId), model, null, forms.refusal(request, e));
        }
    }

    private static String done(long claimId, String outcome) {
        return "redirect:" + CLAIMS + "/" + claimId + "?done=" + outcome;
    }

    private String show(SubsidyClaims.ClaimDetail detail, Model model, ClaimDeclaration declaration,
            FormErrors errors) {
        Caller caller = access.caller();
        ClaimStatus status = ClaimStatus.valueOf(detail.claim().status());
        model.addAttribute("claim", detail.claim());
        model.addAttribute("materials", files.of(detail.claim().id()));
        model.addAttribute("maxFileMb", files.maxSizeInMegabytes());
        model.addAttribute("lines", detail.lines().stream().map(l -> new TracedLine(l,
                detail.rules() == null ? List.of() : GateTrace.of(Reason.valueOf(l.reason()), detail.rules())))
                .toList());
        model.addAttribute("rules", detail.rules());
        model.addAttribute("evidence", detail.evidence());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("declaration", declaration);
        model.addAttribute("mayDeclare", access.may(caller, Permission.ACT_FOR_ENTERPRISE)
                && status.after(ClaimStatus.Step.DECLARE).isPresent());
        model.addAttribute("mayApproveForDistrict", status == ClaimStatus.DECLARED
                && access.may(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_DISTRICT));
        model.addAttribute("mayApproveForCity", status == ClaimStatus.DISTRICT_APPROVED
                && access.may(caller, Permission.APPROVE_SUBSIDY_CLAIM_FOR_CITY));
        model.addAttribute("mayReturn", access.may(caller, Permission.REJECT_SUBSIDY_CLAIM)
                && status != ClaimStatus.COMPUTED && status.after(ClaimStatus.Step.REJECT).isPresent());
        if (!model.containsAttribute("rejection")) {
            model.addAttribute("rejection", new ClaimRejection());
        }
        return "subsidy/claim";
    }

    /** A line with how each gate went, for its trace in words. */
    record TracedLine(ClaimMapper.LineRow line, List<GateTrace.GateOutcome> gates) {

        /** Whether the interest was counted for only part of its period (the window began or ended inside it). */
        public boolean partial() {
            return line.daysInWindow() != line.days();
        }
    }

    @Override
    public List<Item> items(Caller caller) {
        if (!access.may(caller, Permission.READ_SUBSIDY_CLAIMS)) {
            return List.of();
        }
        return List.of(new Item(30, caller.is(Role.SME) ? "subsidy.myClaims" : "subsidy.claims", CLAIMS));
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Panel> panel(Caller caller) {
        if (caller.is(Role.SME)) {
            return Optional.of(new Panel("subsidy/panels", "sme", Map.of("claims",
                    claims.list(null, null, null, null, null, QUEUE_PAGE).items())));
        }
        if (!access.may(caller, Permission.REJECT_SUBSIDY_CLAIM)) {
            return Optional.empty();
        }
        SubsidyClaims.WorkQueue queue = claims.workQueue(DUE_SOON_DAYS, QUEUE_PAGE);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("queue", queue);
        model.put("dueSoonDays", DUE_SOON_DAYS);
        return Optional.of(new Panel("subsidy/panels", "queue", model));
    }
}
