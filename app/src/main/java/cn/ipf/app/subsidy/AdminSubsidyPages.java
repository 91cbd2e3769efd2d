package cn.ipf.app.subsidy;

import cn.ipf.api.model.FeeSubsidyParameters;
import cn.ipf.api.model.InterestSubsidyParameters;
import cn.ipf.api.model.LprRate;
import cn.ipf.api.model.SubsidyRuleVersionForm;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.console.RuleVersionDiff;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.RuleChanges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's LPR months (一年期 LPR 录入) and subsidy programmes with their parameter versions: a new version
 * is shown field by field against the one in force (old → new) before it is confirmed. The same {@link LprRates} and
 * {@link Programmes} as the API, with the contract's constraints on the forms ({@link LprRate},
 * {@link SubsidyRuleVersionForm}).
 */
@ConsolePage
class AdminSubsidyPages implements ConsoleMenu {

    static final String LPR = "/console/admin/lpr";
    static final String PROGRAMMES = "/console/admin/subsidy/programmes";

    private final LprRates lprRates;
    private final Programmes programmes;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    AdminSubsidyPages(LprRates lprRates, Programmes programmes, BusinessCalendar calendar, AccessPolicy access,
            ConsoleForms forms) {
        this.lprRates = lprRates;
        this.programmes = programmes;
        this.calendar = calendar;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(LPR)
    String lpr(@RequestParam(required = false) String added, Model model) {
        admin();
        model.addAttribute("added", added);
        return lpr(model, new LprRate(), FormErrors.none());
    }

    @PostMapping(LPR)
    String addLpr(@ModelAttribute("form") LprRate form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        return forms.submit(request, response, form, binding, () -> {
            lprRates.add(form.getMonth(), form.getOneYearRate());
            return "redirect:" + LPR + "?added=" + form.getMonth();
        }, errors -> lpr(model, form, errors));
    }

    private String lpr(Model model, LprRate form, FormErrors errors) {
        model.addAttribute("rates", lprRates.all().stream()
                .sorted(Comparator.comparing(ProgrammeMapper.LprRow::rateMonth).reversed()).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/lpr";
    }

    @GetMapping(PROGRAMMES)
    String programmes(Model model) {
        admin();
        model.addAttribute("programmes", programmes.all());
        return "admin/subsidy-programmes";
    }

    @GetMapping(PROGRAMMES + "/{programmeId}")
    String programme(@PathVariable long programmeId, @RequestParam(required = false) Integer added, Model model) {
        admin();
        model.addAttribute("added", added);
        Programmes.RuleSet inForce = inForce(programmeId);
        SubsidyRuleVersionForm form = new SubsidyRuleVersionForm();
        if (inForce != null) {
            form.effectiveFrom(calendar.today()).interest(SubsidyViews.interest(inForce.interest()))
                    .fees(SubsidyViews.fees(inForce.fees()));
        }
        return programme(programmeId, model, form, FormErrors.none());
    }

    /** Step one of a new version: checked as the API checks it, then shown against the version in force. */
    @PostMapping(PROGRAMMES + "/{programmeId}/versions/preview")
    String preview(@PathVariable long programmeId, @ModelAttribute("form") SubsidyRuleVersionForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        complete(form);
        return forms.submit(request, response, form, binding, () -> {
            SubsidyParameters.checked(SubsidyViews.interest(form.getInterest()), SubsidyViews.fees(form.getFees()));
            Programmes.RuleSet inForce = inForce(programmeId);
            String programme = PROGRAMMES + "/" + programmeId;
            return new RuleVersionDiff("admin.programmes", "admin.rule.", programmes.get(programmeId).row().name(),
                    programme, programme + "/versions").show(model, request,
                    inForce == null ? null : inForce.version(), RuleChanges.between(
                            inForce == null ? null : inForce.effectiveFrom(),
                            inForce == null ? null : inForce.interest(), inForce == null ? null : inForce.fees(),
                            form.getEffectiveFrom(), SubsidyViews.interest(form.getInterest()),
                            SubsidyViews.fees(form.getFees())));
        }, errors -> programme(programmeId, model, form, errors));
    }

    /** Step two: the confirmed version is added (the service may still refuse, e.g. the date is taken). */
    @PostMapping(PROGRAMMES + "/{programmeId}/versions")
    String addVersion(@PathVariable long programmeId, @ModelAttribute("form") SubsidyRuleVersionForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        complete(form);
        return forms.submit(request, response, form, binding, () -> {
            Programmes.RuleSet added = programmes.addVersion(programmeId, form.getEffectiveFrom(),
                    SubsidyViews.interest(form.getInterest()), SubsidyViews.fees(form.getFees()));
            return "redirect:" + PROGRAMMES + "/" + programmeId + "?added=" + added.version();
        }, errors -> programme(programmeId, model, form, errors));
    }

    private Programmes.RuleSet inForce(long programmeId) {
        Programmes.RuleSet inForce = programmes.inForce(programmeId, calendar.today());
        if (inForce != null) {
            return inForce;
        }
        // before the programme's first version takes effect, the earliest version is the one to compare with
        return programmes.get(programmeId).versions().stream()
                .min(Comparator.comparing(Programmes.RuleSet::effectiveFrom)).orElse(null);
    }

    private String programme(long programmeId, Model model, SubsidyRuleVersionForm form, FormErrors errors) {
        Programmes.Programme programme = programmes.get(programmeId);
        model.addAttribute("programme", programme.row());
        model.addAttribute("remaining", programme.remaining());
        model.addAttribute("versions", programme.versions().stream()
                .sorted(Comparator.comparing(Programmes.RuleSet::version).reversed()).toList());
        model.addAttribute("inForce", inForce(programmeId));
        model.addAttribute("form", complete(form));
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/subsidy-programme";
    }

    /** Empty nested parts of a form bind as absent: an empty part is shown as empty fields, and is required. */
    private static SubsidyRuleVersionForm complete(SubsidyRuleVersionForm form) {
        if (form.getInterest() == null) {
            form.setInterest(new InterestSubsidyParameters());
        }
        if (form.getFees() == null) {
            form.setFees(new FeeSubsidyParameters());
        }
        return form;
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(91, "admin.lpr.title", LPR), new Item(92, "admin.programmes.title", PROGRAMMES))
                : List.of();
    }
}
