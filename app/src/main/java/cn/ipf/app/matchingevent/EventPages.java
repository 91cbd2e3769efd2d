package cn.ipf.app.matchingevent;

import cn.ipf.api.model.AttendanceConfirmation;
import cn.ipf.api.model.EventBankInvitation;
import cn.ipf.api.model.EventEnterpriseSelection;
import cn.ipf.api.model.MatchingEventKind;
import cn.ipf.api.model.NewMatchingEvent;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.library.EnterpriseService;
import cn.ipf.app.library.EnterpriseView;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.library.policy.AdmissionStatus;
import cn.ipf.app.library.policy.SizeClass;
import cn.ipf.app.matchingevent.policy.Eligibility;
import cn.ipf.app.matchingevent.policy.EventStatus;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.Regions;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.shared.web.Problems;
import cn.ipf.app.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 银企对接活动 in the console, the office's and the enterprises' side, through the same {@link MatchingEvents} as the
 * API: the office (district or city reviewers, admins) lists and plans events, invites partner banks, selects
 * enterprises from the library with the search's filters (only those sharing their data with an invited bank can be
 * ticked; the others say why), publishes, completes or cancels, and follows attendance, the banks' intentions and the
 * outcome; regulators read the same pages. An SME sees its invitations and confirms with its pitch or declines.
 */
@ConsolePage
class EventPages implements ConsoleMenu {

    static final String EVENTS = "/console/events";
    private static final int PAGE_SIZE = 20;
    private static final Map<String, String> LABELS = Map.of("kind", "events.kind", "title", "events.title",
            "eventDate", "events.date", "place", "events.place", "parkName", "events.park", "districtCodes",
            "events.districts", "industries", "events.industries");
    private static final List<String> SORTS = List.of("admitted_desc", "score_desc", "name", "id");

    private final MatchingEvents events;
    private final EnterpriseService library;
    private final BankRegistry banks;
    private final Regions regions;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Problems problems;

    EventPages(MatchingEvents events, EnterpriseService library, BankRegistry banks, Regions regions,
            AccessPolicy access, ConsoleForms forms, Problems problems) {
        this.problems = problems;
        this.events = events;
        this.library = library;
        this.banks = banks;
        this.regions = regions;
        this.access = access;
        this.forms = forms;
    }

    /** One row of the list; {@code attendance} is the SME's own answer (null for the office). */
    record Listed(MatchingEvents.Summary summary, String attendance) {
    }

    @GetMapping(EVENTS)
    String list(@RequestParam(required = false) EventStatus status, @RequestParam(required = false) Integer page,
            Model model) {
        Caller caller = access.caller();
        Pages.Request request = Pages.request(page == null ? null : Math.max(0, page), PAGE_SIZE);
        MatchingEvents.Page found = events.list(status, request);
        boolean sme = caller.is(Role.SME);
        // an SME's list shows its own answer: one small read per invitation on the page
        model.addAttribute("events", found.items().stream().map(s -> new Listed(s, sme
                ? events.get(s.event().id()).participants().stream().findFirst().map(ParticipantRow::attendance)
                        .orElse(null) : null)).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("status", status);
        model.addAttribute("statuses", EventStatus.values());
        model.addAttribute("page", request.page());
        model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
        model.addAttribute("sme", sme);
        model.addAttribute("mayOrganise", access.may(caller, Permission.ORGANISE_MATCHING_EVENTS));
        model.addAttribute("districtNames", districtNames());
        return "matchingevent/events";
    }

    @GetMapping(EVENTS + "/new")
    String newEvent(Model model) {
        Caller caller = access.caller();
        access.require(caller, Permission.ORGANISE_MATCHING_EVENTS);
        String own = access.visibleDistrict(caller);
        NewMatchingEvent form = new NewMatchingEvent().kind(MatchingEventKind.ROADSHOW);
        if (own != null) {
            form.setDistrictCodes(Set.of(own));
        }
        return newPage(form, "", FormErrors.none(), model);
    }

    /** The theme industries come as one text ({@code C37, I65}); the rest binds to the contract's form. */
    @PostMapping(EVENTS)
    String create(@ModelAttribute("form") NewMatchingEvent form, BindingResult binding,
            @RequestParam(name = "industries", defaultValue = "") String industries, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        access.require(access.caller(), Permission.ORGANISE_MATCHING_EVENTS);
        form.setTitle(blankAsNull(form.getTitle()));
        form.setPlace(blankAsNull(form.getPlace()));
        form.setParkName(blankAsNull(form.getParkName()));
        form.setDistrictCodes(form.getDistrictCodes() == null ? Set.of() : form.getDistrictCodes());
        form.setThemeIndustries(Arrays.stream(industries.toUpperCase(Locale.ROOT).split("[\\s,，、;；]+"))
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)));
        // the industries are typed as one text: their messages go to that field; each message names its field, as
        // the summary's generic ones ("required") would not say which
        FormErrors errors = FormErrors.none();
        forms.validate(request, form, binding).fields().forEach((path, message) -> {
            boolean industry = path.startsWith("themeIndustries");
            String field = industry ? "industries" : path;
            String text = industry ? problems.text(request, "events.violation.industries", message) : message;
            errors.field(field, problems.text(request, "events.fieldMessage", new Object[] {
                    problems.text(request, LABELS.getOrDefault(field, field), field), text}, text));
        });
        if (errors.any()) {
            response.setStatus(422);
            return newPage(form, industries, errors, model);
        }
        try {
            MatchingEvents.Detail d = events.create(new MatchingEvents.NewEvent(form.getKind().getValue(),
                    form.getTitle(), form.getEventDate(), form.getPlace(), form.getParkName(),
                    List.copyOf(form.getDistrictCodes()), List.copyOf(form.getThemeIndustries())));
            return "redirect:" + EVENTS + "/" + d.event().id() + "?done=created";
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return newPage(form, industries, forms.refusal(request, e), model);
        }
    }

    private String newPage(NewMatchingEvent form, String industries, FormErrors errors, Model model) {
        String own = access.visibleDistrict(access.caller());
        model.addAttribute("form", form);
        model.addAttribute("industries", industries);
        model.addAttribute("kinds", MatchingEventKind.values());
        model.addAttribute("districts", regions.all().stream()
                .filter(r -> "DISTRICT".equals(r.regionLevel()) && r.retiredAt() == null)
                .filter(r -> own == null || own.equals(r.code())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "matchingevent/new";
    }

    @GetMapping(EVENTS + "/{id}")
    String event(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(id, model).apply(FormErrors.none());
    }

    @PostMapping(EVENTS + "/{id}/banks")
    String invite(@PathVariable long id, @ModelAttribute("invitation") EventBankInvitation invitation,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        return step(forms.validate(request, invitation, binding), id, "invited",
                () -> events.inviteBanks(id, List.copyOf(invitation.getBankIds())), request, response,
                page(id, model));
    }

    /** 发布, 已举办, 取消: the event's own steps, each a button. */
    @PostMapping(EVENTS + "/{id}/{step:publication|completion|cancellation}")
    String move(@PathVariable long id, @PathVariable String step, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Runnable action = switch (step) {
            case "publication" -> () -> events.publish(id);
            case "completion" -> () -> events.complete(id);
            default -> () -> events.cancel(id);
        };
        String outcome = switch (step) {
            case "publication" -> "published";
            case "completion" -> "completed";
            default -> "cancelled";
        };
        return step(FormErrors.none(), id, outcome, action, request, response, page(id, model));
    }

    /** The enterprise's confirmation with its pitch; line breaks as the browser sends them become {@code \n}. */
    @PostMapping(EVENTS + "/{id}/confirmation")
    String confirm(@PathVariable long id, @ModelAttribute("pitch") AttendanceConfirmation pitch,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        long enterpriseId = ownEnterprise();
        pitch.setPitchSummary(pitch.getPitchSummary() == null ? null
                : blankAsNull(pitch.getPitchSummary().replace("\r\n", "\n").replace('\r', '\n')));
        pitch.setPitchLink(blankAsNull(pitch.getPitchLink()));
        return step(forms.validate(request, pitch, binding), id, "confirmed",
                () -> events.answer(id, enterpriseId, true, pitch.getPitchSummary(), pitch.getPitchLink()),
                request, response, page(id, model));
    }

    @PostMapping(EVENTS + "/{id}/declination")
    String decline(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        long enterpriseId = ownEnterprise();
        return step(FormErrors.none(), id, "declined", () -> events.answer(id, enterpriseId, false, null, null),
                request, response, page(id, model));
    }

    /** The library search with its filters, each enterprise with whether it can be ticked and why not. */
    @GetMapping(EVENTS + "/{id}/candidates")
    String candidates(@PathVariable long id, @ModelAttribute("filters") CandidateFilters filters, Model model) {
        return candidatesPage(id, filters, FormErrors.none(), model);
    }

    @PostMapping(EVENTS + "/{id}/enterprises")
    String select(@PathVariable long id, @ModelAttribute("selection") EventEnterpriseSelection selection,
            BindingResult binding, @ModelAttribute("filters") CandidateFilters filters, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return forms.step(forms.validate(request, selection, binding),
                () -> events.selectEnterprises(id, List.copyOf(selection.getEnterpriseIds())),
                EVENTS + "/" + id + "?done=selected", request, response,
                errors -> candidatesPage(id, filters, errors, model));
    }

    /** The search filters of the selection page, as in the library search (admitted enterprises by default). */
    record CandidateFilters(String districtCode, String industryPrefix, SizeClass sizeClass, AdmissionStatus status,
            Integer minScore, Boolean hasOpenDemand, String sort, Integer page) {

        /** The search's order; the most recently admitted first unless another of the search's orders is asked. */
        public String order() {
            return sort != null && SORTS.contains(sort) ? sort : "admitted_desc";
        }
    }

    /** A search result and whether it can be added to the event. */
    record Candidate(EnterpriseView enterprise, Eligibility eligibility) {
    }

    private String candidatesPage(long id, CandidateFilters filters, FormErrors errors, Model model) {
        Caller caller = access.caller();
        access.require(caller, Permission.ORGANISE_MATCHING_EVENTS);
        MatchingEvents.Detail d = events.get(id);
        int page = filters.page() == null ? 0 : Math.max(0, filters.page());
        Pages.Request request = Pages.request(page, PAGE_SIZE);
        AdmissionStatus status = filters.status() == null ? AdmissionStatus.ADMITTED : filters.status();
        EnterpriseService.Page found = library.search(new EnterpriseService.Filters(blankAsNull(filters.districtCode()),
                blankAsNull(filters.industryPrefix()), filters.sizeClass(), status.name(), filters.minScore(), null,
                filters.hasOpenDemand(), filters.order()), request.offset(), request.size());
        Map<Long, Eligibility> eligibility = events.eligibility(id,
                found.items().stream().map(v -> v.record().id()).toList());
        model.addAttribute("detail", d);
        model.addAttribute("candidates", found.items().stream()
                .map(v -> new Candidate(v, eligibility.get(v.record().id()))).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("status", status);
        model.addAttribute("statuses", AdmissionStatus.values());
        model.addAttribute("sizes", SizeClass.values());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("page", request.page());
        model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
        String own = access.visibleDistrict(caller);
        model.addAttribute("districts", regions.all().stream().filter(r -> "DISTRICT".equals(r.regionLevel()))
                .filter(r -> own == null || own.equals(r.code())).toList());
        model.addAttribute("districtNames", districtNames());
        model.addAttribute("mayChange", EventStatus.valueOf(d.event().status())
                .after(EventStatus.Step.SELECT_ENTERPRISES).isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "matchingevent/candidates";
    }

    /** The event page as the caller sees it (the office's, or the SME's invitation), shown with the errors given. */
    private Function<FormErrors, String> page(long id, Model model) {
        return errors -> {
            Caller caller = access.caller();
            MatchingEvents.Detail d = events.get(id);
            EventStatus status = EventStatus.valueOf(d.event().status());
            model.addAttribute("detail", d);
            model.addAttribute("districtNames", districtNames());
            model.addAttribute("errors", errors);
            model.addAttribute("formKey", ConsoleForms.newKey());
            model.addAttribute("bankNames", d.banks().stream()
                    .collect(Collectors.toMap(EventBankRow::bankId, EventBankRow::bankName)));
            if (caller.is(Role.SME)) {
                model.addAttribute("mayAnswer", status.after(EventStatus.Step.ANSWER_INVITATION).isPresent());
                ParticipantRow own = d.participants().get(0);
                if (!model.containsAttribute("pitch")) {
                    model.addAttribute("pitch", new AttendanceConfirmation().pitchSummary(own.pitchSummary())
                            .pitchLink(own.pitchLink()));
                }
                model.addAttribute("own", own);
                return "matchingevent/invitation";
            }
            boolean organiser = access.may(caller, Permission.ORGANISE_MATCHING_EVENTS);
            Set<Long> invited = d.banks().stream().map(EventBankRow::bankId).collect(Collectors.toSet());
            model.addAttribute("mayInvite", organiser && status.after(EventStatus.Step.INVITE_BANKS).isPresent());
            model.addAttribute("mayPublish", organiser && status.after(EventStatus.Step.PUBLISH).isPresent());
            model.addAttribute("mayComplete", organiser && status.after(EventStatus.Step.COMPLETE).isPresent());
            model.addAttribute("mayCancel", organiser && status.after(EventStatus.Step.CANCEL).isPresent());
            model.addAttribute("maySelect", organiser
                    && status.after(EventStatus.Step.SELECT_ENTERPRISES).isPresent());
            model.addAttribute("uninvited", banks.banks().stream().filter(b -> !invited.contains(b.id())).toList());
            model.addAttribute("enterpriseNames", d.participants().stream()
                    .collect(Collectors.toMap(ParticipantRow::enterpriseId, ParticipantRow::enterpriseName)));
            model.addAttribute("loansOf", loansByIntention(d.loans()));
            return "matchingevent/event";
        };
    }

    /** A step on the event; the page shown again on a refusal reads the event, so one not visible is the 404 page. */
    private String step(FormErrors errors, long id, String outcome, Runnable action, HttpServletRequest request,
            HttpServletResponse response, Function<FormErrors, String> page) {
        return forms.step(errors, action, EVENTS + "/" + id + "?done=" + outcome, request, response, page);
    }

    static Map<Long, List<IntentionLoanRow>> loansByIntention(List<IntentionLoanRow> loans) {
        Map<Long, List<IntentionLoanRow>> by = new LinkedHashMap<>();
        loans.forEach(l -> by.computeIfAbsent(l.intentionId(), k -> new ArrayList<>()).add(l));
        return by;
    }

    private Map<String, String> districtNames() {
        return regions.all().stream().collect(Collectors.toMap(Region::code, Region::name));
    }

    private long ownEnterprise() {
        Caller caller = access.caller();
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        return LibraryAccess.ownEnterprise(caller);
    }

    static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public List<Item> items(Caller caller) {
        if (caller.is(Role.SME)) {
            return caller.enterpriseId() == null ? List.of() : List.of(new Item(17, "events.menu.sme", EVENTS));
        }
        return access.may(caller, Permission.READ_MATCHING_EVENTS) ? List.of(new Item(35, "events.menu", EVENTS))
                : List.of();
    }
}
