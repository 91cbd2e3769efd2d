package cn.ipf.app.simulation;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.CompensationProgrammes;
import cn.ipf.app.compensation.policy.CompensationRules;
import cn.ipf.app.security.Actor;
import cn.ipf.app.simulation.SimulationMapper.ClaimFacts;
import cn.ipf.app.simulation.SimulationMapper.Line;
import cn.ipf.app.simulation.SimulationMapper.SimulationRow;
import cn.ipf.app.simulation.policy.CompensationWhatIf;
import cn.ipf.app.simulation.policy.CompensationWhatIf.FundCost;
import cn.ipf.app.simulation.policy.CompensationWhatIf.Recovery;
import cn.ipf.app.subsidy.SubsidyWhatIf;
import cn.ipf.batch.simulation.WhatIfSimulations;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulation feature's side of the what-if-simulation job: the dry runs' parameters, the compensation
 * recomputation (each standing claim filed in the range, under its own rule version and under it with the
 * overrides, with the return of its loan's recoveries) and the report lines. Claims, payouts and the ledger are
 * only read.
 */
@Service
class SimulationJob implements WhatIfSimulations {

    static final String SUBSIDY = "SUBSIDY";
    static final String COMPENSATION = "COMPENSATION";
    static final String RECOVERY_RETURN = "RECOVERY_RETURN";
    private static final int LINES_PER_STATEMENT = 500;

    private final SimulationMapper mapper;
    private final SimulationCodec codec;
    private final SubsidyWhatIf subsidy;
    private final CompensationProgrammes compensationProgrammes;
    private final AuditTrail audit;
    private final Clock clock;

    SimulationJob(SimulationMapper mapper, SimulationCodec codec, SubsidyWhatIf subsidy,
            CompensationProgrammes compensationProgrammes, AuditTrail audit, Clock clock) {
        this.mapper = mapper;
        this.codec = codec;
        this.subsidy = subsidy;
        this.compensationProgrammes = compensationProgrammes;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void check(long simulationId) {
        SimulationRow row = mapper.simulation(simulationId);
        if (row == null) {
            throw new IllegalArgumentException("there is no simulation " + simulationId);
        }
        if (row.status().equals("COMPLETED")) {
            throw new IllegalArgumentException("simulation " + simulationId + " has completed");
        }
    }

    @Override
    public Optional<Map<String, String>> subsidyDryRun(long simulationId, boolean alternative) {
        SimulationRow row = mapper.simulation(simulationId);
        if (row.subsidyProgrammeId() == null) {
            return Optional.empty();
        }
        return Optional.of(subsidy.dryRun(row.subsidyProgrammeId(), row.periodFrom() + ".." + row.periodTo(),
                simulationId, alternative ? subsidy.read(row.subsidyAlternative(), row.subsidyRulesVersion())
                        : null));
    }

    /** Per enterprise and bank, the two sides of one measure (both count the same claims or recoveries). */
    private static final class Tally {
        int count;
        BigDecimal baseline = BigDecimal.ZERO;
        BigDecimal alternative = BigDecimal.ZERO;

        void add(int items, BigDecimal baselineAmount, BigDecimal alternativeAmount) {
            count += items;
            baseline = baseline.add(baselineAmount);
            alternative = alternative.add(alternativeAmount);
        }
    }

    private record Group(String measure, long enterpriseId, long bankId, String districtCode) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void compensation(long simulationId) {
        SimulationRow row = mapper.simulation(simulationId);
        if (row.compensationProgrammeId() == null) {
            return;
        }
        Simulations.CompensationOverrides overrides = codec.compensation(row.compensationAlternative());
        List<ClaimFacts> claims = mapper.claims(row.compensationProgrammeId(), row.fromDate(), row.toDate());
        Map<Long, List<Recovery>> recoveries = new HashMap<>();
        if (!claims.isEmpty()) {
            mapper.recoveries(claims.stream().map(ClaimFacts::loanId).distinct().toList()).forEach(r -> recoveries
                    .computeIfAbsent(r.loanId(), k -> new ArrayList<>())
                    .add(new Recovery(r.grossAmount(), r.disposalCosts())));
        }
        Map<Long, CompensationRules> versions = new HashMap<>();
        Map<Group, Tally> tallies = new LinkedHashMap<>();
        for (ClaimFacts c : claims) {
            CompensationRules inForce = versions.computeIfAbsent(c.ruleVersionId(),
                    id -> compensationProgrammes.version(id).rules());
            CompensationRules alternative = CompensationWhatIf.override(inForce, overrides.layers(),
                    overrides.fundCapPerLoan());
            List<Recovery> loanRecoveries = recoveries.getOrDefault(c.loanId(), List.of());
            FundCost before = CompensationWhatIf.fundCost(c.outstandingAtDefault(), c.ipShare(), inForce,
                    loanRecoveries);
            FundCost after = CompensationWhatIf.fundCost(c.outstandingAtDefault(), c.ipShare(), alternative,
                    loanRecoveries);
            tallies.computeIfAbsent(new Group(COMPENSATION, c.enterpriseId(), c.bankId(), c.districtCode()),
                    g -> new Tally()).add(1, before.paid(), after.paid());
            if (!loanRecoveries.isEmpty()) {
                tallies.computeIfAbsent(new Group(RECOVERY_RETURN, c.enterpriseId(), c.bankId(), c.districtCode()),
                        g -> new Tally()).add(loanRecoveries.size(), before.returned(), after.returned());
            }
        }
        // a restarted step starts from a clean slate
        mapper.deleteLines(simulationId, List.of(COMPENSATION, RECOVERY_RETURN));
        List<Line> lines = new ArrayList<>();
        tallies.forEach((g, t) -> lines.add(new Line(g.measure(), g.enterpriseId(), g.bankId(), g.districtCode(),
                t.count, t.baseline, t.count, t.alternative)));
        for (int from = 0; from < lines.size(); from += LINES_PER_STATEMENT) {
            mapper.insertLines(simulationId, lines.subList(from, Math.min(lines.size(), from + LINES_PER_STATEMENT)));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(long simulationId, Long baselineJobInstanceId, Long alternativeJobInstanceId) {
        SimulationRow row = mapper.simulation(simulationId);
        Long baselineRun = null;
        Long alternativeRun = null;
        if (row.subsidyProgrammeId() != null) {
            if (baselineJobInstanceId == null || alternativeJobInstanceId == null) {
                throw new IllegalStateException("simulation " + simulationId + " is missing a subsidy dry run");
            }
            baselineRun = subsidy.runOf(baselineJobInstanceId);
            alternativeRun = subsidy.runOf(alternativeJobInstanceId);
            mapper.deleteLines(simulationId, List.of(SUBSIDY));
            mapper.insertSubsidyLines(simulationId, baselineRun, alternativeRun);
        }
        mapper.complete(simulationId, baselineRun, alternativeRun,
                clock.instant());
        Map<String, Object> totals = new LinkedHashMap<>();
        mapper.totals(simulationId).forEach(t -> totals.put(t.measure(), Map.of(
                "baseline", t.baselineAmount().toPlainString(), "alternative", t.alternativeAmount().toPlainString())));
        audit.recordAs(Actor.SYSTEM, "SIMULATION_COMPLETED", "SIMULATION", simulationId, totals);
    }

    @Override
    @Transactional
    public void fail(long simulationId, String reason) {
        // the column holds 1 000 characters; the start of a reason says what went wrong
        String failure = reason == null || reason.isBlank() ? "unknown" : reason.length() > 1000
                ? reason.substring(0, 1000) : reason;
        if (mapper.fail(simulationId, failure) > 0) {
            audit.recordAs(Actor.SYSTEM, "SIMULATION_FAILED", "SIMULATION", simulationId, Map.of("reason", failure));
        }
    }
}
