package cn.ipf.app.library;

import cn.ipf.api.model.DecisionAction;
import cn.ipf.api.model.DecisionRequest;
import cn.ipf.api.model.DelistingForm;
import cn.ipf.api.model.DishonestyListingForm;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.Formats;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.console.HomePanel;
import cn.ipf.app.library.policy.AdmissionAction;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.library.policy.AdmissionWorkflow;
import cn.ipf.app.library.policy.GateResult;
import cn.ipf.app.library.policy.ScoreLine;
import cn.ipf.app.library.policy.ScreeningFacts;
import cn.ipf.app.library.policy.ScreeningRules;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 入库审核 in the console: the district and city reviewers' work queue, an enterprise's screening (gates and score
 * breakdown) beside its facts (IP assets, credit, serious-dishonesty check), the decision (approve at the reviewer's
 * level, return or reject with a comment the enterprise sees) and the 严重失信名单 (list, delist). The same services
 * as the review API, with the contract's constraints on the forms ({@link DecisionRequest},
 * {@link DishonestyListingForm}, {@link DelistingForm}).
 */
@ConsolePage
class AdmissionPages implements ConsoleMenu, HomePanel {

    static final String ADMISSIONS = "/console/library/admissions";
    static final String DISHONESTY = "/console/library/dishonesty";
    private static final int PAGE_SIZE = 20;

    private final AdmissionQueue queue;
    private final EnterpriseService enterprises;
    private final ScreeningService screening;
    private final AdmissionService admission;
    private final ReputationService reputation;
    private final IpAssetService assets;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Formats fmt;
    private final BusinessCalendar calendar;
    private final Problems problems;

    AdmissionPages(AdmissionQueue queue, EnterpriseService enterprises, ScreeningService screening,
            AdmissionService admission, ReputationService reputation, IpAssetService assets, AccessPolicy access,
            ConsoleForms forms, Formats fmt, BusinessCalendar calendar, Problems problems) {
        this.problems = problems;
        this.queue = queue;
        this.enterprises = enterprises;
        this.screening = screening;
        this.admission = admission;
        this.reputation = reputation;
        this.assets = assets;
        this.access = access;
        this.forms = forms;
        this.fmt = fmt;
        this.calendar = calendar;
    }

    // ---- the work queue

    @GetMapping(ADMISSIONS)
    String list(@RequestParam(required = false) String district, @RequestParam(required = false) AdmissionStatus status,
            @RequestParam(required = false) String q, @RequestParam(required = false) boolean due,
            @RequestParam(required = false) Integer page, Model model) {
        Pages.Request request = Pages.request(page == null ? 0 : Math.max(page, 0), PAGE_SIZE);
        AdmissionQueue.Listing listing = queue.list(new AdmissionQueue.Filters(district, status, q, due), request);
        model.addAttribute("counts", listing.counts());
        model.addAttribute("entries", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("page", request.page());
        model.addAttribute("pages", (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("district", district);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("due", due);
        model.addAttribute("districts", queue.districts());
        model.addAttribute("statuses", AdmissionStatus.values());
        model.addAttribute("pendingStatus", queue.pendingStatuses(access.caller()).size() == 1
                ? AdmissionStatus.SUBMITTED : null);
        model.addAttribute("reviewDays", AdmissionQueue.REVIEW_DAYS);
        model.addAttribute("dueSoonDays", AdmissionQueue.REVIEW_DAYS - AdmissionQueue.DUE_SOON_DAYS);
        return "library/admissions";
    }

    // ---- one enterprise

    @GetMapping(ADMISSIONS + "/{enterpriseId}")
    String enterprise(@PathVariable long enterpriseId, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return show(enterpriseId, model, FormErrors.none());
    }

    @PostMapping(ADMISSIONS + "/{enterpriseId}/district-approval")
    String approveForDistrict(@PathVariable long enterpriseId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return decide(enterpriseId, AdmissionAction.DISTRICT_APPROVE, null, "approved", request, response, model);
    }

    @PostMapping(ADMISSIONS + "/{enterpriseId}/city-approval")
    String approveForCity(@PathVariable long enterpriseId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return decide(enterpriseId, AdmissionAction.CITY_APPROVE, null, "admitted", request, response, model);
    }

    /** 退回 back to the enterprise to correct and submit again, with the comment it sees. */
    @PostMapping(ADMISSIONS + "/{enterpriseId}/return")
    String returnEntry(@PathVariable long enterpriseId, @RequestParam(required = false) String reason,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return decide(enterpriseId, AdmissionAction.RETURN, reason, "returned", request, response, model);
    }

    /** 不予入库 refused; the enterprise may submit again later. */
    @PostMapping(ADMISSIONS + "/{enterpriseId}/reject")
    String reject(@PathVariable long enterpriseId, @RequestParam(required = false) String reason,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return decide(enterpriseId, AdmissionAction.REJECT, reason, "rejected", request, response, model);
    }

    private String decide(long enterpriseId, AdmissionAction action, String comment, String outcome,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        DecisionRequest form = new DecisionRequest().action(DecisionAction.fromValue(action.name()))
                .comment(comment == null || comment.isBlank() ? null : comment);
        // the comment is the form's "reason" field, as in the other review pages
        FormErrors errors = FormErrors.none();
        forms.validate(request, form).fields().forEach((field, message) ->
                errors.field("comment".equals(field) ? "reason" : field, message));
        if (!errors.any()) {
            try {
                admission.decide(enterpriseId, action, form.getComment());
                return "redirect:" + ADMISSIONS + "/" + enterpriseId + "?done=" + outcome;
            } catch (ApiException e) {
                response.setStatus(e.code().status().value());
                model.addAttribute("reason", comment);
                return show(enterpriseId, model, switch (e.code()) {
                    case COMMENT_REQUIRED -> FormErrors.none().field("reason", forms.describe(request, e));
                    // the failed gates are marked on the page; their English reasons are the API's
                    case SCREENING_GATE_FAILED -> FormErrors.none().general(problems.text(request,
                            "admission.refused.gates", forms.describe(request, e)));
                    default -> forms.refusal(request, e, "admission");
                });
            }
        }
        response.setStatus(422);
        model.addAttribute("reason", comment);
        return show(enterpriseId, model, errors);
    }

    // ---- the serious-dishonesty list

    @GetMapping(DISHONESTY)
    String dishonesty(Model model) {
        model.addAttribute("listings", queue.openListings());
        return "library/dishonesty";
    }

    @PostMapping(ADMISSIONS + "/{enterpriseId}/dishonesty")
    String listDishonest(@PathVariable long enterpriseId, @ModelAttribute("listing") DishonestyListingForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = forms.validate(request, form);
        if (!errors.any()) {
            try {
                reputation.list(enterpriseId, form.getListedOn(), form.getSource().strip());
                return "redirect:" + ADMISSIONS + "/" + enterpriseId + "?done=listed#dishonesty-heading";
            } catch (ApiException e) {
                response.setStatus(e.code().status().value());
                return show(enterpriseId, model, dateRefusal(request, e, "listedOn"));
            }
        }
        response.setStatus(422);
        return show(enterpriseId, model, errors);
    }

    @PostMapping(ADMISSIONS + "/{enterpriseId}/dishonesty/{recordId}/delisting")
    String delist(@PathVariable long enterpriseId, @PathVariable long recordId,
            @ModelAttribute("delisting") DelistingForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        FormErrors errors = forms.validate(request, form);
        if (!errors.any()) {
            try {
                reputation.delist(enterpriseId, recordId, form.getDelistedOn());
                return "redirect:" + ADMISSIONS + "/" + enterpriseId + "?done=delisted#dishonesty-heading";
            } catch (ApiException e) {
                response.setStatus(e.code().status().value());
                return show(enterpriseId, model, dateRefusal(request, e, "delistedOn"));
            }
        }
        response.setStatus(422);
        return show(enterpriseId, model, errors);
    }

    /** A refused date (in the future, before the listing) is the date field's problem. */
    private FormErrors dateRefusal(HttpServletRequest request, ApiException e, String field) {
        return e.code() == ErrorCode.DATE_INVALID ? FormErrors.none().field(field,
                problems.text(request, "dishonesty.dateInvalid." + field, forms.describe(request, e)))
                : forms.refusal(request, e);
    }

    private String show(long enterpriseId, Model model, FormErrors errors) {
        Caller caller = access.caller();
        EnterpriseView view = enterprises.find(enterpriseId);
        access.require(caller, Permission.REVIEW_ENTERPRISE);
        AdmissionStatus status = AdmissionStatus.valueOf(view.record().status());
        ScreeningService.Evaluated evaluated = screening.evaluate(view);
        ScreeningFacts facts = evaluated.facts();
        model.addAttribute("e", view.record());
        model.addAttribute("view", view);
        model.addAttribute("screening", evaluated.result());
        model.addAttribute("ruleSetVersion", evaluated.ruleSetVersion());
        model.addAttribute("gates", evaluated.result().gates().stream()
                .map(g -> GateView.of(g, facts, evaluated.rules())).toList());
        model.addAttribute("lines", evaluated.result().lines().stream()
                .map(l -> ScoreView.of(l, facts, evaluated.rules(), fmt)).toList());
        model.addAttribute("facts", facts);
        model.addAttribute("patents", assets.patents(enterpriseId));
        model.addAttribute("appraisals", assets.latestPatentAppraisals(enterpriseId));
        model.addAttribute("trademarks", assets.trademarks(enterpriseId));
        model.addAttribute("indications", assets.indications(enterpriseId));
        model.addAttribute("listings", reputation.history(enterpriseId));
        List<AdmissionMapper.DecisionRow> decisions = new ArrayList<>(admission.history(enterpriseId).stream()
                .map(AdmissionService.Decision::row).toList());
        Collections.reverse(decisions);
        model.addAttribute("decisions", decisions);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("today", calendar.today());
        model.addAttribute("mayApproveForDistrict", offered(caller, status, AdmissionAction.DISTRICT_APPROVE));
        model.addAttribute("mayApproveForCity", offered(caller, status, AdmissionAction.CITY_APPROVE));
        model.addAttribute("mayReturn", offered(caller, status, AdmissionAction.RETURN));
        model.addAttribute("mayReject", offered(caller, status, AdmissionAction.REJECT));
        if (!model.containsAttribute("listing")) {
            model.addAttribute("listing", new DishonestyListingForm());
        }
        return "library/admission";
    }

    private static boolean offered(Caller caller, AdmissionStatus status, AdmissionAction action) {
        return AdmissionWorkflow.allowedIn(status).contains(action) && AdmissionService.mayTake(caller, status, action);
    }

    /**
     * A gate with its reason in words: the message {@code admission.gate.<GATE>.passed|failed} (for the size gate
     * {@code .<SIZE_CLASS>}) over the facts; the policy's own reason is English, for the API.
     */
    record GateView(String gate, boolean passed, String reasonKey, Object[] args) {

        static GateView of(GateResult g, ScreeningFacts f, ScreeningRules rules) {
            String variant = "SME_SIZE".equals(g.gate()) ? f.sizeClass().name() : g.passed() ? "passed" : "failed";
            return new GateView(g.gate(), g.passed(), "admission.gate." + g.gate() + "." + variant,
                    new Object[] {f.sizeClass().name(), f.validInventionPatents(), f.validUtilityModelPatents(),
                        rules.defaultLookbackYears()});
        }
    }

    /**
     * A score line with its basis in words: the message {@code admission.basis.<CRITERION>[.variant]} over the facts
     * (the policy's own basis is English, for the API).
     */
    record ScoreView(String criterion, int points, int maxPoints, String basisKey, Object[] args) {

        static ScoreView of(ScoreLine l, ScreeningFacts f, ScreeningRules rules, Formats fmt) {
            String variant = switch (l.criterion()) {
                case "IPM_CERTIFICATION" -> f.ipmCertified() ? ".yes" : ".no";
                case "HIGH_TECH" -> f.highTech() ? ".yes" : ".no";
                case "SPECIALIZED" -> f.specialized() ? ".yes" : ".no";
                case "CREDIT_RATING" -> f.creditRating() == null ? ".none" : ".rated";
                case "DEMAND_FIT" -> f.openDemandAmount() == null ? ".none"
                        : f.openDemandAmount().compareTo(f.pledgeableValue().multiply(rules.demandCoverageRatio()))
                                <= 0 ? ".covered" : ".uncovered";
                default -> "";
            };
            return new ScoreView(l.criterion(), l.points(), l.maxPoints(), "admission.basis." + l.criterion() + variant,
                    new Object[] {f.validInventionPatents(), f.validHighValuePatents(),
                        f.creditRating() == null ? "" : f.creditRating(), fmt.money(f.openDemandAmount()),
                        fmt.money(f.pledgeableValue()), fmt.percent(rules.demandCoverageRatio()),
                        fmt.money(f.pledgeableValue().multiply(rules.demandCoverageRatio()))});
        }
    }

    // ---- navigation

    @Override
    public List<Item> items(Caller caller) {
        if (!access.may(caller, Permission.REVIEW_ENTERPRISE)) {
            return List.of();
        }
        return List.of(new Item(20, "admission.queue", ADMISSIONS), new Item(25, "dishonesty.title", DISHONESTY));
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Panel> panel(Caller caller) {
        if (!access.may(caller, Permission.REVIEW_ENTERPRISE)) {
            return Optional.empty();
        }
        return Optional.of(new Panel("library/panels", "admissionQueue", Map.of("counts", queue.counts(),
                "dueSoonDays", AdmissionQueue.REVIEW_DAYS - AdmissionQueue.DUE_SOON_DAYS)));
    }
}
