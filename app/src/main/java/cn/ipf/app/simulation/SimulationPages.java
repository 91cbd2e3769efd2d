package cn.ipf.app.simulation;

import cn.ipf.api.model.CompensationAlternative;
import cn.ipf.api.model.SimulationForm;
import cn.ipf.api.model.SubsidyAlternative;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.regulator.Charts;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Downloads;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.simulation.SimulationMapper.SimulationRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 模拟测算 in the console: a regulator enters alternative parameters and a month range (the contract's
 * {@link SimulationForm}), follows the run, and reads the comparison by district, bank or enterprise as a chart and a
 * table, with the report to download. The same {@link Simulations} and {@link SimulationReports} as the API.
 */
@ConsolePage
class SimulationPages {

    static final String SIMULATIONS = "/console/regulator/simulations";
    private static final List<String> BREAKDOWNS = List.of("DISTRICT", "BANK", "ENTERPRISE");
    private static final List<String> MEASURES = List.of(SimulationJob.SUBSIDY, SimulationJob.COMPENSATION,
            SimulationJob.RECOVERY_RETURN);
    /** Groups the comparison shows (largest difference first). */
    private static final int GROUPS = 20;

    private final Simulations simulations;
    private final SimulationReports reports;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    SimulationPages(Simulations simulations, SimulationReports reports, AccessPolicy access, ConsoleForms forms) {
        this.simulations = simulations;
        this.reports = reports;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping(SIMULATIONS)
    String list(Model model) {
        require();
        return form(model, new SimulationForm().subsidy(new SubsidyAlternative())
                .compensation(new CompensationAlternative()), FormErrors.none());
    }

    @PostMapping(SIMULATIONS)
    String submit(@ModelAttribute("form") SimulationForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        require();
        // a programme left empty means that part is not simulated
        SimulationForm given = new SimulationForm().name(form.getName()).periodFrom(form.getPeriodFrom())
                .periodTo(form.getPeriodTo())
                .subsidy(form.getSubsidy() == null || form.getSubsidy().getProgrammeId() == null ? null
                        : form.getSubsidy())
                .compensation(form.getCompensation() == null || form.getCompensation().getProgrammeId() == null
                        ? null : form.getCompensation());
        FormErrors errors = forms.validate(request, given);
        if (!errors.any()) {
            try {
                SimulationRow row = simulations.submit(SimulationController.submission(given));
                return "redirect:" + SIMULATIONS + "/" + row.id();
            } catch (ApiException e) {
                errors = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
            }
        } else {
            response.setStatus(422);
        }
        if (form.getSubsidy() == null) {
            form.setSubsidy(new SubsidyAlternative());
        }
        if (form.getCompensation() == null) {
            form.setCompensation(new CompensationAlternative());
        }
        return form(model, form, errors);
    }

    private String form(Model model, SimulationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("simulations", simulations.list(Pages.request(0, 20)));
        return "simulation/simulations";
    }

    @GetMapping(SIMULATIONS + "/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "DISTRICT") String by, Model model) {
        require();
        SimulationRow row = simulations.get(id);
        String breakdown = BREAKDOWNS.contains(by) ? by : "DISTRICT";
        model.addAttribute("simulation", row);
        model.addAttribute("by", breakdown);
        model.addAttribute("breakdowns", BREAKDOWNS);
        if ("COMPLETED".equals(row.status())) {
            List<Simulations.Figure> totals = simulations.totals(id);
            Map<String, Simulations.Differences> compared = new LinkedHashMap<>();
            Map<String, String> charts = new LinkedHashMap<>();
            for (String measure : MEASURES) {
                if (totals.stream().anyMatch(t -> t.measure().equals(measure))) {
                    Simulations.Differences d = simulations.differences(id, measure, breakdown,
                            Pages.request(0, GROUPS));
                    compared.put(measure, d);
                    charts.put(measure, chart(d.rows()));
                }
            }
            model.addAttribute("totals", totals);
            model.addAttribute("compared", compared);
            model.addAttribute("charts", charts);
        }
        return "simulation/simulation";
    }

    @GetMapping(SIMULATIONS + "/{id}/report.{format}")
    ResponseEntity<Resource> report(@PathVariable long id, @PathVariable String format) {
        require();
        boolean xlsx = !"csv".equals(format);
        return Downloads.temporaryFile(reports.write(id, xlsx), "simulation-" + id, xlsx);
    }

    /** Bars of the groups: amount under the rules in force against the alternative (元). */
    private static String chart(List<Simulations.Figure> rows) {
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(Map.of("name", "现行参数", "type", "bar", "axis", 0,
                "data", rows.stream().map(Simulations.Figure::baselineAmount).toList()));
        series.add(Map.of("name", "模拟参数", "type", "bar", "axis", 0,
                "data", rows.stream().map(Simulations.Figure::alternativeAmount).toList()));
        return Charts.json(rows.stream().map(f -> f.name() == null ? f.key() : f.name()).toList(), List.of("元"),
                series);
    }

    private void require() {
        access.require(access.caller(), Permission.READ_REGULATOR_CONSOLE);
    }
}
