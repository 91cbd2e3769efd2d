package cn.ipf.app.simulation;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.CompensationAlternative;
import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.Simulation;
import cn.ipf.api.model.SimulationBreakdown;
import cn.ipf.api.model.SimulationCompensation;
import cn.ipf.api.model.SimulationDifference;
import cn.ipf.api.model.SimulationDifferencePage;
import cn.ipf.api.model.SimulationForm;
import cn.ipf.api.model.SimulationMeasure;
import cn.ipf.api.model.SimulationPage;
import cn.ipf.api.model.SimulationStatus;
import cn.ipf.api.model.SimulationSubsidy;
import cn.ipf.api.model.SimulationTotal;
import cn.ipf.api.model.SubsidyAlternative;
import cn.ipf.api.server.RegulatorSimulationsApi;
import cn.ipf.app.compensation.CompensationViews;
import cn.ipf.app.shared.web.Downloads;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.simulation.SimulationMapper.SimulationRow;
import cn.ipf.app.subsidy.SubsidyViews;
import cn.ipf.app.subsidy.SubsidyWhatIf;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Regulators' what-if simulations: submit, follow and read the report. */
@RestController
class SimulationController implements RegulatorSimulationsApi {

    private final Simulations simulations;
    private final SubsidyWhatIf subsidy;
    private final SimulationCodec codec;
    private final SimulationReports reports;

    SimulationController(Simulations simulations, SubsidyWhatIf subsidy, SimulationCodec codec,
            SimulationReports reports) {
        this.simulations = simulations;
        this.subsidy = subsidy;
        this.codec = codec;
        this.reports = reports;
    }

    @Override
    public ResponseEntity<Simulation> submitSimulation(SimulationForm form, String idempotencyKey) {
        SimulationRow row = simulations.submit(submission(form));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(row));
    }

    /** The contract's form as a submission (the API's and the console's). */
    static Simulations.Submission submission(SimulationForm form) {
        SubsidyAlternative s = form.getSubsidy();
        CompensationAlternative c = form.getCompensation();
        return new Simulations.Submission(form.getName(), form.getPeriodFrom(),
                form.getPeriodTo(), s == null ? null : s.getProgrammeId(), s == null ? null
                        : new SubsidyWhatIf.Overrides(s.getLprRatio(), s.getAnnualCap(), s.getWindowMonths(),
                                s.getMaxSpreadBp(), gates(s)),
                c == null ? null : c.getProgrammeId(), c == null ? null : new Simulations.CompensationOverrides(
                        c.getLayers() == null ? null : CompensationViews.layersOf(c.getLayers()),
                        c.getFundCapPerLoan()));
    }

    @Override
    public ResponseEntity<SimulationPage> listSimulations(Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        return ResponseEntity.ok(new SimulationPage().items(simulations.list(request).stream().map(this::view)
                .toList()).page(request.meta(simulations.count())));
    }

    @Override
    public ResponseEntity<Simulation> getSimulation(Long simulationId) {
        return ResponseEntity.ok(view(simulations.get(simulationId)));
    }

    @Override
    public ResponseEntity<SimulationDifferencePage> getSimulationDifferences(Long simulationId,
            SimulationMeasure measure, SimulationBreakdown breakdown, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        Simulations.Differences d = simulations.differences(simulationId, measure.getValue(), breakdown.getValue(),
                request);
        return ResponseEntity.ok(new SimulationDifferencePage().measure(measure).breakdown(breakdown)
                .total(total(d.total()))
                .items(d.rows().stream().map(f -> new SimulationDifference().key(f.key()).name(f.name())
                        .baselineCount(f.baselineCount()).baselineAmount(f.baselineAmount())
                        .alternativeCount(f.alternativeCount()).alternativeAmount(f.alternativeAmount())
                        .difference(f.difference())).toList())
                .page(request.meta(d.groups())));
    }

    @Override
    public ResponseEntity<Resource> downloadSimulationReport(Long simulationId, ExportFormat format) {
        boolean xlsx = format == ExportFormat.XLSX;
        return Downloads.temporaryFile(reports.write(simulationId, xlsx), "simulation-" + simulationId, xlsx);
    }

    private static Set<Reason> gates(SubsidyAlternative s) {
        if (s.getDisabledGates() == null) {
            return null;
        }
        Set<Reason> gates = EnumSet.noneOf(Reason.class);
        s.getDisabledGates().forEach(g -> gates.add(Reason.valueOf(g.getValue())));
        return gates;
    }

    private Simulation view(SimulationRow r) {
        Simulation view = new Simulation().simulationId(r.id()).name(r.name()).status(SimulationStatus.fromValue(r.status()))
                .periodFrom(r.periodFrom()).periodTo(r.periodTo()).from(r.fromDate()).to(r.toDate())
                .totals(simulations.totals(r.id()).stream().map(SimulationController::total).toList())
                .jobExecutionId(r.jobExecutionId()).failure(r.failure()).requestedBy(r.requestedBy())
                .requestedAt(utc(r.requestedAt())).completedAt(utc(r.completedAt()));
        if (r.subsidyProgrammeId() != null) {
            view.subsidy(new SimulationSubsidy().programmeId(r.subsidyProgrammeId())
                    .rulesVersion(r.subsidyRulesVersion())
                    .inForce(SubsidyViews.interest(subsidy.read(r.subsidyInForce(), r.subsidyRulesVersion())))
                    .alternative(SubsidyViews.interest(subsidy.read(r.subsidyAlternative(),
                            r.subsidyRulesVersion())))
                    .baselineRunId(r.subsidyBaselineRunId()).alternativeRunId(r.subsidyAlternativeRunId()));
        }
        if (r.compensationProgrammeId() != null) {
            Simulations.CompensationOverrides o = codec.compensation(r.compensationAlternative());
            view.compensation(new SimulationCompensation().programmeId(r.compensationProgrammeId())
                    .layers(o.layers() == null ? null : CompensationViews.layers(o.layers()))
                    .fundCapPerLoan(o.fundCapPerLoan()));
        }
        return view;
    }

    private static SimulationTotal total(Simulations.Figure f) {
        return new SimulationTotal().measure(SimulationMeasure.fromValue(f.measure()))
                .baselineCount(f.baselineCount()).baselineAmount(f.baselineAmount())
                .alternativeCount(f.alternativeCount()).alternativeAmount(f.alternativeAmount())
                .difference(f.difference());
    }
}
