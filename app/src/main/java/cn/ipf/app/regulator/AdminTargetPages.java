package cn.ipf.app.regulator;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.regulator.policy.Indicator;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.Regions;
import cn.ipf.app.shared.time.BusinessCalendar;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * 统计目标 in the administrator's console: the plan's targets of a year by region and indicator, which the regulators'
 * dashboard measures the actuals against, set or corrected one at a time. The same {@link Statistics} as the API
 * (audited with the value replaced).
 */
@ConsolePage
class AdminTargetPages implements ConsoleMenu {

    static final String TARGETS = "/console/admin/statistics-targets";

    private final Statistics statistics;
    private final Regions regions;
    private final BusinessCalendar calendar;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    AdminTargetPages(Statistics statistics, Regions regions, BusinessCalendar calendar, AccessPolicy access,
            ConsoleForms forms) {
        this.statistics = statistics;
        this.regions = regions;
        this.calendar = calendar;
        this.access = access;
        this.forms = forms;
    }

    /**
     * The year's targets, narrowed to a region and an indicator when chosen; {@code edit} (region/indicator) fills the
     * form with that target to correct it.
     */
    @GetMapping(TARGETS)
    String targets(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
            @RequestParam(required = false) Indicator indicator, @RequestParam(required = false) String edit,
            @RequestParam(required = false) String saved, Model model) {
        admin();
        int shown = year == null || year < 2000 || year > 2100 ? calendar.today().getYear() : year;
        List<Statistics.Target> all = statistics.targets(shown);
        TargetEntry form = new TargetEntry();
        form.setYear(shown);
        form.setRegionCode(region);
        form.setIndicator(indicator);
        all.stream().filter(t -> key(t).equals(edit)).findFirst().ifPresent(t -> {
            form.setRegionCode(t.regionCode());
            form.setIndicator(t.indicator());
            form.setTarget(t.value());
        });
        model.addAttribute("saved", all.stream().filter(t -> key(t).equals(saved)).findFirst().orElse(null));
        model.addAttribute("editing", form.getTarget() != null);
        return page(shown, all, region, indicator, model, form, FormErrors.none());
    }

    @PostMapping(TARGETS)
    String set(@ModelAttribute("form") TargetEntry form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        return forms.submit(request, response, form, binding, () -> {
            Statistics.Target t = statistics.setTarget(form.getYear(), form.getRegionCode(), form.getIndicator(),
                    form.getTarget());
            return "redirect:" + TARGETS + "?year=" + t.year() + "&saved="
                    + UriUtils.encodeQueryParam(key(t), StandardCharsets.UTF_8);
        }, errors -> {
            model.addAttribute("editing", false);
            int year = form.getYear() == null || form.getYear() < 2000 || form.getYear() > 2100
                    ? calendar.today().getYear() : form.getYear();
            return page(year, statistics.targets(year), null, null, model, form, errors);
        });
    }

    /** A target's key in the page's links: region/indicator. */
    static String key(Statistics.Target t) {
        return t.regionCode() + "/" + t.indicator().name();
    }

    private String page(int year, List<Statistics.Target> targets, String region, Indicator indicator, Model model,
            TargetEntry form, FormErrors errors) {
        List<Region> every = regions.all();
        List<Region> open = every.stream().filter(r -> r.retiredAt() == null)
                .sorted(Comparator.comparing(Region::code)).toList();
        model.addAttribute("year", year);
        model.addAttribute("region", region);
        model.addAttribute("indicator", indicator);
        model.addAttribute("targets", targets.stream()
                .filter(t -> region == null || region.isEmpty() || t.regionCode().equals(region))
                .filter(t -> indicator == null || t.indicator() == indicator)
                .sorted(Comparator.comparing(Statistics.Target::regionCode)
                        .thenComparing(Statistics.Target::indicator))
                .toList());
        model.addAttribute("regions", open);
        model.addAttribute("regionNames", every.stream().collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/statistics-targets";
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(95, "admin.targets.title", TARGETS)) : List.of();
    }
}
