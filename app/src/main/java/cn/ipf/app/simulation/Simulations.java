package cn.ipf.app.simulation;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationProgrammes;
import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.compensation.policy.Layer;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.simulation.SimulationMapper.SimulationRow;
import cn.ipf.app.simulation.SimulationMapper.Sums;
import cn.ipf.app.simulation.policy.CompensationWhatIf;
import cn.ipf.app.subsidy.SubsidyWhatIf;
import cn.ipf.app.subsidy.policy.SubsidyPeriod;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.simulation.WhatIfSimulationJobConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 政策模拟 what-if simulations: a regulator submits alternative parameters for a subsidy and/or a compensation
 * programme over a range of months; the job {@value WhatIfSimulationJobConfig#JOB_NAME} recomputes them (see
 * {@link SimulationJob}) and the report compares them with the parameters in force, in total and per district, bank
 * and enterprise.
 */
@Service
class Simulations {

    /** Longest range a simulation covers, in months. */
    static final int MAX_MONTHS = 60;

    /** What a regulator submits; subsidy and compensation are each optional, one is required. */
    record Submission(String name, String periodFrom, String periodTo, Long subsidyProgrammeId,
            SubsidyWhatIf.Overrides subsidy, Long compensationProgrammeId, CompensationOverrides compensation) {
    }

    /** The compensation rules a simulation replaces; null keeps each claim's own. */
    record CompensationOverrides(List<Layer> layers, BigDecimal fundCapPerLoan) {
    }

    /** Published when a simulation was recorded; its job is launched once the recording has committed. */
    record Submitted(long simulationId) {
    }

    /** A measure's sums (in total or for one group). */
    record Figure(String measure, String key, String name, long baselineCount, BigDecimal baselineAmount,
            long alternativeCount, BigDecimal alternativeAmount) {

        public BigDecimal difference() {
            return alternativeAmount.subtract(baselineAmount);
        }

        static Figure of(Sums s) {
            return new Figure(s.measure(), s.key(), s.name(), s.baselineCount(), s.baselineAmount(),
                    s.alternativeCount(), s.alternativeAmount());
        }
    }

    record Differences(Figure total, List<Figure> rows, long groups) {
    }

    private final SimulationMapper mapper;
    private final SimulationCodec codec;
    private final SubsidyWhatIf subsidy;
    private final CompensationProgrammes compensationProgrammes;
    private final JobControl jobs;
    private final SimulationJob job;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Simulations(SimulationMapper mapper, SimulationCodec codec, SubsidyWhatIf subsidy,
            CompensationProgrammes compensationProgrammes, JobControl jobs, SimulationJob job, AccessPolicy access,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.codec = codec;
        this.subsidy = subsidy;
        this.compensationProgrammes = compensationProgrammes;
        this.jobs = jobs;
        this.job = job;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Records the simulation (RUNNING); its job starts after the commit. 400 SIMULATION_INVALID naming the problem. */
    @Transactional
    SimulationRow submit(Submission s) {
        SubsidyPeriod range = range(s.periodFrom(), s.periodTo());
        if (s.subsidyProgrammeId() == null && s.compensationProgrammeId() == null) {
            throw invalid("give subsidy and/or compensation parameters");
        }
        SubsidyWhatIf.Parameters subsidyParameters = s.subsidyProgrammeId() == null ? null
                : subsidy.parameters(s.subsidyProgrammeId(), range, s.subsidy());
        if (s.compensationProgrammeId() != null) {
            if (!compensationProgrammes.exists(s.compensationProgrammeId())) {
                throw invalid("there is no compensation programme " + s.compensationProgrammeId());
            }
            // only layers and the cap are replaced, and their checks do not depend on the other rules
            List<String> problems = CompensationWhatIf.override(CompensationRules.defaults(0),
                    s.compensation().layers(), s.compensation().fundCapPerLoan()).problems();
            if (!problems.isEmpty()) {
                throw invalid("compensation: " + String.join("; ", problems));
            }
        }
        Instant now = clock.instant();
        SimulationRow row = new SimulationRow(0, s.name().strip(), "RUNNING", s.periodFrom(), s.periodTo(),
                range.start(), range.end(), s.subsidyProgrammeId(),
                subsidyParameters == null ? null : subsidyParameters.rulesVersion(),
                subsidyParameters == null ? null : subsidy.write(subsidyParameters.inForce()),
                subsidyParameters == null ? null : subsidy.write(subsidyParameters.alternative()), null, null,
                s.compensationProgrammeId(), s.compensationProgrammeId() == null ? null
                        : codec.write(s.compensation()), null, null, access.caller().userId(), now, null);
        GeneratedId key = new GeneratedId();
        mapper.insert(row, key);
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("name", row.name());
        audited.put("periodFrom", row.periodFrom());
        audited.put("periodTo", row.periodTo());
        if (subsidyParameters != null) {
            audited.put("subsidyProgrammeId", row.subsidyProgrammeId());
            audited.put("subsidyAlternative", row.subsidyAlternative());
        }
        if (row.compensationProgrammeId() != null) {
            audited.put("compensationProgrammeId", row.compensationProgrammeId());
            audited.put("compensationAlternative", row.compensationAlternative());
        }
        audit.record("SIMULATION_SUBMITTED", "SIMULATION", key.getId(), audited);
        events.publishEvent(new Submitted(key.getId()));
        return mapper.simulation(key.getId());
    }

    /**
     * Launches the job once the simulation is committed (the job reads it on its own connection); a launch that
     * fails marks the simulation FAILED instead of leaving it RUNNING.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void launch(Submitted submitted) {
        long id = submitted.simulationId();
        try {
            long execution = jobs.launch(WhatIfSimulationJobConfig.JOB_NAME,
                    Map.of(WhatIfSimulationJobConfig.SIMULATION, Long.toString(id))).executionId();
            mapper.setJobExecution(id, execution);
        } catch (Exception e) {
            job.fail(id, "the job could not be launched: " + e.getMessage());
        }
    }

    SimulationRow get(long id) {
        SimulationRow row = mapper.simulation(id);
        if (row == null) {
            throw new ApiException(ErrorCode.SIMULATION_NOT_FOUND, id);
        }
        return row;
    }

    List<SimulationRow> list(Pages.Request page) {
        return mapper.simulations(page.offset(), page.size());
    }

    long count() {
        return mapper.count();
    }

    /** The simulation once COMPLETED: 404 SIMULATION_NOT_FOUND, 409 SIMULATION_NOT_COMPLETED before. */
    SimulationRow completed(long id) {
        SimulationRow row = get(id);
        if (!row.status().equals("COMPLETED")) {
            throw new ApiException(ErrorCode.SIMULATION_NOT_COMPLETED, id, row.status());
        }
        return row;
    }

    /** Totals per measure of a completed simulation (none before). */
    List<Figure> totals(long id) {
        return mapper.totals(id).stream().map(Figure::of).toList();
    }

    /** One measure by DISTRICT, BANK or ENTERPRISE; 409 SIMULATION_NOT_COMPLETED before the report exists. */
    @Transactional(readOnly = true)
    Differences differences(long id, String measure, String breakdown, Pages.Request page) {
        completed(id);
        Figure total = totals(id).stream().filter(f -> f.measure().equals(measure)).findFirst()
                .orElse(new Figure(measure, null, null, 0, BigDecimal.ZERO.setScale(2), 0,
                        BigDecimal.ZERO.setScale(2)));
        List<Figure> rows = mapper.groups(id, measure, breakdown, page.offset(), page.size()).stream()
                .map(Figure::of).toList();
        return new Differences(total, rows, mapper.groupCount(id, measure, breakdown));
    }

    /** The months as a range of the interest-subsidy job ({@code 2025-01..2025-06}). */
    static SubsidyPeriod range(String from, String to) {
        YearMonth first;
        YearMonth last;
        try {
            first = YearMonth.parse(from);
            last = YearMonth.parse(to);
        } catch (DateTimeException e) {
            throw invalid("periodFrom and periodTo must be months such as 2025-01");
        }
        if (last.isBefore(first)) {
            throw invalid("periodTo " + to + " is before periodFrom " + from);
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw invalid("a simulation covers at most " + MAX_MONTHS + " months");
        }
        return SubsidyPeriod.parseSpan(from + ".." + to);
    }

    private static ApiException invalid(String problem) {
        return new ApiException(ErrorCode.SIMULATION_INVALID, problem);
    }
}
