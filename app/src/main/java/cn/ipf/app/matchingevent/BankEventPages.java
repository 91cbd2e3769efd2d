package cn.ipf.app.matchingevent;

import cn.ipf.api.model.IntentionCreditReport;
import cn.ipf.api.model.IntentionLoanLink;
import cn.ipf.api.model.NewEventIntention;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.matchingevent.policy.EventStatus;
import cn.ipf.app.matchingevent.policy.IntentionStatus;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.Regions;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 银企对接活动 for a bank officer, through the same {@link BankEvents} as the bank API: the published events the bank
 * is invited to, their enterprises that share their data with it (only those), and per enterprise the bank's
 * intention (意向), followed to the credit granted (授信) and the loans it reported (linked by their loan ref), or
 * dropped. Another bank's event, or an enterprise not sharing with it, is the 404 page.
 */
@ConsolePage
class BankEventPages implements ConsoleMenu {

    static final String EVENTS = "/console/bank/events";
    private static final int PAGE_SIZE = 20;

    private final BankEvents events;
    private final Regions regions;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    BankEventPages(BankEvents events, Regions regions, BusinessCalendar calendar, AccessPolicy access,
            ConsoleForms forms) {
        this.events = events;
        this.regions = regions;
        this.calendar = calendar;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(EVENTS)
    String list(@RequestParam(required = false) Integer page, Model model) {
        long bankId = access.ownBank(access.caller());
        Pages.Request request = Pages.request(page == null ? null : Math.max(0, page), PAGE_SIZE);
        MatchingEvents.Page found = events.list(bankId, request);
        model.addAttribute("events", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", request.page());
        model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
        model.addAttribute("districtNames", districtNames());
        return "matchingevent/bank-events";
    }

    @GetMapping(EVENTS + "/{id}")
    String event(@PathVariable long id, Model model) {
        BankEvents.BankDetail d = events.get(access.ownBank(access.caller()), id);
        model.addAttribute("detail", d);
        model.addAttribute("intentionOf", d.intentions().stream()
                .collect(Collectors.toMap(IntentionRow::enterpriseId, i -> i)));
        model.addAttribute("districtNames", districtNames());
        return "matchingevent/bank-event";
    }

    @GetMapping(EVENTS + "/{id}/enterprises/{enterpriseId}")
    String enterprise(@PathVariable long id, @PathVariable long enterpriseId,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(access.ownBank(access.caller()), id, enterpriseId, model).apply(FormErrors.none());
    }

    @PostMapping(EVENTS + "/{id}/enterprises/{enterpriseId}/intention")
    String record(@PathVariable long id, @PathVariable long enterpriseId,
            @ModelAttribute("interest") NewEventIntention interest, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        interest.setEnterpriseId(enterpriseId);
        interest.setNote(EventPages.blankAsNull(interest.getNote() == null ? null
                : interest.getNote().replace("\r\n", " ").replace('\n', ' ')));
        return step(forms.validate(request, interest, binding), id, enterpriseId, "recorded",
                () -> events.record(bankId, id, enterpriseId, interest.getNote()), request, response,
                page(bankId, id, enterpriseId, model));
    }

    @PostMapping(EVENTS + "/{id}/enterprises/{enterpriseId}/credit-grant")
    String grant(@PathVariable long id, @PathVariable long enterpriseId,
            @ModelAttribute("credit") IntentionCreditReport credit, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        return onIntention(bankId, id, enterpriseId, forms.validate(request, credit, binding), "granted",
                intention -> events.grantCredit(bankId, intention, credit.getAmount(), credit.getGrantedOn()),
                request, response, model);
    }

    @PostMapping(EVENTS + "/{id}/enterprises/{enterpriseId}/loans")
    String link(@PathVariable long id, @PathVariable long enterpriseId,
            @ModelAttribute("link") IntentionLoanLink link, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        link.setLoanRef(EventPages.blankAsNull(link.getLoanRef()));
        return onIntention(bankId, id, enterpriseId, forms.validate(request, link, binding), "linked",
                intention -> events.linkLoan(bankId, intention, link.getLoanRef()), request, response, model);
    }

    @PostMapping(EVENTS + "/{id}/enterprises/{enterpriseId}/withdrawal")
    String drop(@PathVariable long id, @PathVariable long enterpriseId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        long bankId = access.ownBank(access.caller());
        return onIntention(bankId, id, enterpriseId, FormErrors.none(), "dropped",
                intention -> events.drop(bankId, intention), request, response, model);
    }

    /** A step on the bank's intention for the enterprise (404 when it has recorded none). */
    private String onIntention(long bankId, long id, long enterpriseId, FormErrors errors, String outcome,
            LongConsumer action, HttpServletRequest request, HttpServletResponse response, Model model) {
        IntentionRow intention = events.get(bankId, id).intentions().stream()
                .filter(i -> i.enterpriseId() == enterpriseId).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.INTENTION_NOT_FOUND, enterpriseId));
        return step(errors, id, enterpriseId, outcome, () -> action.accept(intention.id()), request, response,
                page(bankId, id, enterpriseId, model));
    }

    /** The enterprise's page for the bank: its answer and pitch, the bank's intention and what it may do next. */
    private Function<FormErrors, String> page(long bankId, long id, long enterpriseId, Model model) {
        return errors -> {
            BankEvents.BankDetail d = events.get(bankId, id);
            ParticipantRow participant = d.participants().stream().filter(p -> p.enterpriseId() == enterpriseId)
                    .findFirst().orElseThrow(() -> new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, enterpriseId));
            IntentionRow intention = d.intentions().stream().filter(i -> i.enterpriseId() == enterpriseId)
                    .findFirst().orElse(null);
            IntentionStatus status = intention == null ? null : IntentionStatus.valueOf(intention.status());
            model.addAttribute("detail", d);
            model.addAttribute("participant", participant);
            model.addAttribute("intention", intention);
            model.addAttribute("loans", intention == null ? List.of()
                    : EventPages.loansByIntention(d.loans()).getOrDefault(intention.id(), List.of()));
            model.addAttribute("mayRecord", intention == null && EventStatus.valueOf(d.event().status())
                    .after(EventStatus.Step.RECORD_INTENTION).isPresent());
            model.addAttribute("mayGrant", status != null
                    && status.after(IntentionStatus.Step.GRANT_CREDIT).isPresent());
            boolean mayLink = status != null && status.after(IntentionStatus.Step.LINK_LOAN).isPresent();
            model.addAttribute("mayLink", mayLink);
            model.addAttribute("mayDrop", status != null && status.after(IntentionStatus.Step.DROP).isPresent());
            model.addAttribute("linkable", mayLink ? events.linkableLoans(bankId, id, enterpriseId) : List.of());
            if (!model.containsAttribute("credit")) {
                model.addAttribute("credit", new IntentionCreditReport().grantedOn(calendar.today()));
            }
            if (!model.containsAttribute("interest")) {
                model.addAttribute("interest", new NewEventIntention());
            }
            model.addAttribute("districtNames", districtNames());
            model.addAttribute("errors", errors);
            model.addAttribute("formKey", ConsoleForms.newKey());
            return "matchingevent/bank-enterprise";
        };
    }

    /** A step on the enterprise's page; shown again on a refusal, it reads what the bank may see (404 otherwise). */
    private String step(FormErrors errors, long id, long enterpriseId, String outcome, Runnable action,
            HttpServletRequest request, HttpServletResponse response, Function<FormErrors, String> page) {
        return forms.step(errors, action, EVENTS + "/" + id + "/enterprises/" + enterpriseId + "?done=" + outcome,
                request, response, page);
    }

    private Map<String, String> districtNames() {
        return regions.all().stream().collect(Collectors.toMap(Region::code, Region::name));
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ACT_FOR_BANK) ? List.of(new Item(27, "events.menu.bank", EVENTS))
                : List.of();
    }
}
