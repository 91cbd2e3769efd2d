package cn.ipf.app.library;

import cn.ipf.api.model.CreditRating;
import cn.ipf.api.model.NewScreeningRuleSet;
import cn.ipf.api.model.ScreeningRules;
import cn.ipf.api.model.Tier;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.console.RuleVersionDiff;
import cn.ipf.app.library.policy.ScreeningRuleChanges;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.policy.RuleVersions;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 筛选规则集 of the project library's admission for the administrator: the versions (in force, scheduled, history),
 * one with its gates and score weights in words, and a new version with every weight, shown field by field against the
 * version in force before it is confirmed. The same {@link ScreeningService} as the API (a version starts today or
 * later, on a day no other starts), with the contract's constraints on the form ({@link NewScreeningRuleSet}).
 */
@ConsolePage
class ScreeningRuleSetPages implements ConsoleMenu {

    static final String RULE_SETS = "/console/admin/screening-rule-sets";
    /** Empty tier rows offered below a ladder's tiers. */
    private static final int SPARE_TIERS = 1;

    private final ScreeningService screening;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Problems problems;

    ScreeningRuleSetPages(ScreeningService screening, BusinessCalendar calendar, AccessPolicy access,
            ConsoleForms forms, Problems problems) {
        this.screening = screening;
        this.calendar = calendar;
        this.access = access;
        this.forms = forms;
        this.problems = problems;
    }

    /** A version in the list, with how it stands today. */
    record Shown(ScreeningService.RuleSet ruleSet, RuleVersions.Standing standing) {
    }

    @GetMapping(RULE_SETS)
    String ruleSets(Model model) {
        admin();
        LocalDate today = calendar.today();
        List<ScreeningService.RuleSet> all = screening.ruleSets();
        ScreeningService.RuleSet inForce = comparedWith(all, today);
        model.addAttribute("ruleSets", all.stream().map(r -> new Shown(r, RuleVersions.standing(r, inForce,
                ScreeningService.RuleSet::effectiveFrom, today))).toList());
        return "admin/screening-rule-sets";
    }

    @GetMapping(RULE_SETS + "/{version:[0-9]+}")
    String ruleSet(@PathVariable int version, @RequestParam(required = false) Boolean added, Model model) {
        admin();
        LocalDate today = calendar.today();
        List<ScreeningService.RuleSet> all = screening.ruleSets();
        ScreeningService.RuleSet shown = all.stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
        model.addAttribute("added", added);
        model.addAttribute("ruleSet", shown);
        model.addAttribute("standing", RuleVersions.standing(shown, comparedWith(all, today),
                ScreeningService.RuleSet::effectiveFrom, today));
        model.addAttribute("ratings", shown.rules().creditRatingPointsBestPaidFirst());
        return "admin/screening-rule-set";
    }

    @GetMapping(RULE_SETS + "/new")
    String newVersion(Model model) {
        admin();
        ScreeningService.RuleSet inForce = comparedWith(screening.ruleSets(), calendar.today());
        NewScreeningRuleSet form = new NewScreeningRuleSet().effectiveFrom(calendar.today());
        if (inForce != null) {
            form.rules(LibraryViews.screeningRules(inForce.rules()));
        }
        return form(model, form, FormErrors.none());
    }

    /** Step one of a new version: checked as the API checks it, then shown against the version in force. */
    @PostMapping(RULE_SETS + "/preview")
    String preview(@ModelAttribute("form") NewScreeningRuleSet form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        return submit(request, response, form, binding, model, () -> {
            cn.ipf.app.library.policy.ScreeningRules rules = LibraryViews.screeningRules(form.getRules());
            screening.checkEffectiveFrom(form.getEffectiveFrom());
            ScreeningService.RuleSet inForce = comparedWith(screening.ruleSets(), calendar.today());
            return new RuleVersionDiff("admin.screening", "admin.screening.rule.", null, RULE_SETS, RULE_SETS)
                    .show(model, request, inForce == null ? null : inForce.version(), ScreeningRuleChanges.between(
                            inForce == null ? null : inForce.effectiveFrom(), inForce == null ? null : inForce.rules(),
                            form.getEffectiveFrom(), rules));
        });
    }

    /** Step two: the confirmed version is added (the service may still refuse, e.g. the date is taken meanwhile). */
    @PostMapping(RULE_SETS)
    String add(@ModelAttribute("form") NewScreeningRuleSet form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        return submit(request, response, form, binding, model, () -> {
            ScreeningService.RuleSet added = screening.createRuleSet(form.getEffectiveFrom(),
                    LibraryViews.screeningRules(form.getRules()));
            return "redirect:" + RULE_SETS + "/" + added.version() + "?added=true";
        });
    }

    /** Empty tier and rating rows are left out; a refused effective date is that field's problem. */
    private String submit(HttpServletRequest request, HttpServletResponse response, NewScreeningRuleSet form,
            BindingResult binding, Model model, Supplier<String> step) {
        withoutEmptyRows(form, binding);
        return forms.submit(request, response, form, binding, () -> {
            try {
                return step.get();
            } catch (ApiException e) {
                if (e.code() != ErrorCode.DATE_INVALID && e.code() != ErrorCode.RULE_SET_EFFECTIVE_DATE_TAKEN) {
                    throw e;
                }
                response.setStatus(e.code().status().value());
                return form(model, form, FormErrors.none().field("effectiveFrom", problems.text(request,
                        "admin.screening.refused." + e.code().name(), e.args(), forms.describe(request, e))));
            }
        }, errors -> form(model, form, errors));
    }

    private String form(Model model, NewScreeningRuleSet form, FormErrors errors) {
        ScreeningRules rules = form.getRules() == null ? new ScreeningRules() : form.getRules();
        rules.setInventionTiers(withSpare(rules.getInventionTiers()));
        rules.setHighValueTiers(withSpare(rules.getHighValueTiers()));
        form.setRules(rules);
        model.addAttribute("form", form);
        model.addAttribute("ratings", CreditRating.values());
        model.addAttribute("errors", errors);
        return "admin/screening-rule-set-form";
    }

    private static ScreeningService.RuleSet comparedWith(List<ScreeningService.RuleSet> all, LocalDate today) {
        return RuleVersions.comparedWith(all, ScreeningService.RuleSet::effectiveFrom, today);
    }

    private static List<Tier> withSpare(List<Tier> tiers) {
        List<Tier> rows = new ArrayList<>(tiers == null ? List.of() : tiers);
        IntStream.range(0, SPARE_TIERS).forEach(i -> rows.add(new Tier()));
        return rows;
    }

    /** Tier rows left empty are no tiers, a rating without points scores nothing; a row with a refused value stays. */
    private static void withoutEmptyRows(NewScreeningRuleSet form, BindingResult binding) {
        ScreeningRules rules = form.getRules();
        if (rules == null) {
            return;
        }
        rules.setInventionTiers(given(rules.getInventionTiers(), "rules.inventionTiers", binding));
        rules.setHighValueTiers(given(rules.getHighValueTiers(), "rules.highValueTiers", binding));
        if (rules.getCreditRatingPoints() != null) {
            Map<String, Integer> scored = new LinkedHashMap<>(rules.getCreditRatingPoints());
            scored.values().removeIf(Objects::isNull);
            rules.setCreditRatingPoints(scored);
        }
    }

    private static List<Tier> given(List<Tier> tiers, String path, BindingResult binding) {
        if (tiers == null) {
            return null;
        }
        return new ArrayList<>(IntStream.range(0, tiers.size())
                .filter(i -> binding.hasFieldErrors(path + "[" + i + "].*")
                        || tiers.get(i).getMinCount() != null || tiers.get(i).getPoints() != null)
                .mapToObj(tiers::get).toList());
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(95, "admin.screening.title", RULE_SETS)) : List.of();
    }
}
