package cn.ipf.app.compensation;

import cn.ipf.api.model.CompensationLayer;
import cn.ipf.api.model.CompensationRuleSet;
import cn.ipf.api.model.CompensationRuleVersionForm;
import cn.ipf.api.model.LayerKind;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.compensation.policy.CompensationRuleChanges;
import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.console.RuleVersionDiff;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.policy.RuleVersions;
import cn.ipf.app.shared.time.BusinessCalendar;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 风险补偿项目 for the administrator: the programmes, one with its rule versions (in force, scheduled, history) and
 * fund accounts, and a new rule version with every parameter (layers and shares, the fund cap, days, supervision
 * targets), shown field by field against the version in force before it is confirmed. The same
 * {@link CompensationProgrammes} as the API, with the contract's constraints on the form
 * ({@link CompensationRuleVersionForm}).
 */
@ConsolePage
class AdminCompensationPages implements ConsoleMenu {

    static final String PROGRAMMES = "/console/admin/compensation/programmes";
    /** The form offers this many empty layer rows below the layers in force (the contract allows 10 layers). */
    private static final int SPARE_LAYERS = 1;
    private static final int MAX_LAYERS = 10;

    private final CompensationProgrammes programmes;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    AdminCompensationPages(CompensationProgrammes programmes, BusinessCalendar calendar, AccessPolicy access,
            ConsoleForms forms) {
        this.programmes = programmes;
        this.calendar = calendar;
        this.access = access;
        this.forms = forms;
    }

    /** A programme in the list: its version in force (or first, before any takes effect) and how many it has. */
    record Listed(CompensationProgrammes.Programme programme, CompensationProgrammes.Version inForce) {
    }

    /** A version in the programme's table, with how it stands today. */
    record Shown(CompensationProgrammes.Version version, RuleVersions.Standing standing) {
    }

    @InitBinder("form")
    void blanksAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping(PROGRAMMES)
    String programmes(Model model) {
        admin();
        LocalDate today = calendar.today();
        model.addAttribute("programmes", programmes.all().stream()
                .map(p -> new Listed(p, comparedWith(p, today))).toList());
        return "admin/compensation-programmes";
    }

    @GetMapping(PROGRAMMES + "/{programmeId}")
    String programme(@PathVariable long programmeId, @RequestParam(required = false) Integer added, Model model) {
        admin();
        model.addAttribute("added", added);
        CompensationProgrammes.Version inForce = comparedWith(programmes.get(programmeId), calendar.today());
        CompensationRuleVersionForm form = new CompensationRuleVersionForm().effectiveFrom(calendar.today());
        if (inForce != null) {
            form.rules(CompensationViews.rules(inForce.rules()));
        }
        return programme(programmeId, model, form, FormErrors.none());
    }

    /** Step one of a new version: checked as the API checks it, then shown against the version in force. */
    @PostMapping(PROGRAMMES + "/{programmeId}/versions/preview")
    String preview(@PathVariable long programmeId, @ModelAttribute("form") CompensationRuleVersionForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        return submit(request, response, form, binding, programmeId, model, () -> {
            CompensationRules rules = CompensationViews.rules(form.getRules());
            programmes.checkVersion(programmeId, form.getEffectiveFrom(), rules);
            CompensationProgrammes.Programme programme = programmes.get(programmeId);
            CompensationProgrammes.Version inForce = comparedWith(programme, calendar.today());
            String page = PROGRAMMES + "/" + programmeId;
            return new RuleVersionDiff("admin.compensation", "admin.compensation.rule.", programme.row().name(), page,
                    page + "/versions").show(model, request, inForce == null ? null : inForce.version(),
                    CompensationRuleChanges.between(inForce == null ? null : inForce.effectiveFrom(),
                            inForce == null ? null : inForce.rules(), form.getEffectiveFrom(), rules));
        });
    }

    /** Step two: the confirmed version is added (the service may still refuse, e.g. the date is taken meanwhile). */
    @PostMapping(PROGRAMMES + "/{programmeId}/versions")
    String addVersion(@PathVariable long programmeId, @ModelAttribute("form") CompensationRuleVersionForm form,
            BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        return submit(request, response, form, binding, programmeId, model, () -> {
            CompensationProgrammes.Programme added = programmes.addVersion(programmeId, form.getEffectiveFrom(),
                    CompensationViews.rules(form.getRules()));
            int version = added.versions().stream().mapToInt(CompensationProgrammes.Version::version).max()
                    .orElseThrow();
            return "redirect:" + PROGRAMMES + "/" + programmeId + "?added=" + version;
        });
    }

    /** Empty layer rows are left out; a refused effective date is that field's problem. */
    private String submit(HttpServletRequest request, HttpServletResponse response, CompensationRuleVersionForm form,
            BindingResult binding, long programmeId, Model model, Supplier<String> step) {
        withoutEmptyLayers(form, binding);
        return forms.submit(request, response, form, binding, () -> {
            try {
                return step.get();
            } catch (ApiException e) {
                if (e.code() != ErrorCode.RULE_VERSION_EFFECTIVE_DATE_TAKEN) {
                    throw e;
                }
                response.setStatus(e.code().status().value());
                return programme(programmeId, model, form,
                        FormErrors.none().field("effectiveFrom", forms.describe(request, e)));
            }
        }, errors -> programme(programmeId, model, form, errors));
    }

    private String programme(long programmeId, Model model, CompensationRuleVersionForm form, FormErrors errors) {
        CompensationProgrammes.Programme programme = programmes.get(programmeId);
        LocalDate today = calendar.today();
        CompensationProgrammes.Version inForce = comparedWith(programme, today);
        model.addAttribute("programme", programme.row());
        model.addAttribute("funds", programme.funds());
        model.addAttribute("versions", programme.versions().stream()
                .sorted(Comparator.comparing(CompensationProgrammes.Version::version).reversed())
                .map(v -> new Shown(v, RuleVersions.standing(v, inForce, CompensationProgrammes.Version::effectiveFrom,
                        today))).toList());
        model.addAttribute("form", withSpareLayers(form));
        model.addAttribute("layerKinds", LayerKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/compensation-programme";
    }

    private static CompensationProgrammes.Version comparedWith(CompensationProgrammes.Programme programme,
            LocalDate today) {
        return RuleVersions.comparedWith(programme.versions(), CompensationProgrammes.Version::effectiveFrom, today);
    }

    /** A form to show: every part present, and room for one more layer. */
    private static CompensationRuleVersionForm withSpareLayers(CompensationRuleVersionForm form) {
        if (form.getRules() == null) {
            form.setRules(new CompensationRuleSet());
        }
        List<CompensationLayer> layers = new ArrayList<>(form.getRules().getLayers() == null ? List.of()
                : form.getRules().getLayers());
        for (int i = 0; i < SPARE_LAYERS && layers.size() < MAX_LAYERS; i++) {
            layers.add(new CompensationLayer());
        }
        form.getRules().setLayers(layers);
        return form;
    }

    /** A layer row left empty is no layer (that is how a layer is removed); a row with a refused value stays. */
    private static void withoutEmptyLayers(CompensationRuleVersionForm form, BindingResult binding) {
        if (form.getRules() == null || form.getRules().getLayers() == null) {
            return;
        }
        List<CompensationLayer> given = form.getRules().getLayers();
        form.getRules().setLayers(new ArrayList<>(IntStream.range(0, given.size())
                .filter(i -> binding.hasFieldErrors("rules.layers[" + i + "].*") || !empty(given.get(i)))
                .mapToObj(given::get).toList()));
    }

    private static boolean empty(CompensationLayer l) {
        return l.getCode() == null && l.getName() == null && l.getKind() == null && l.getShare() == null;
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(94, "admin.compensation.title", PROGRAMMES)) : List.of();
    }
}
