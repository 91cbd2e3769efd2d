package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClass;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.CandidateCursor.CandidatePayment;
import cn.ipf.app.subsidy.CandidateCursor.EnterprisePayments;
import cn.ipf.app.subsidy.LineStore.ClaimDraft;
import cn.ipf.app.subsidy.LineStore.DryTotal;
import cn.ipf.app.subsidy.LineStore.LineDraft;
import cn.ipf.app.subsidy.LineStore.LoanGateDraft;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.Line;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.LoanFacts;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.LprTable;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.Payment;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules;
import cn.ipf.app.subsidy.policy.InterestSubsidyRules.Reason;
import cn.ipf.app.subsidy.policy.SubsidyPeriod;
import cn.ipf.batch.subsidy.InterestSubsidyRuns;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 贴息计算批次 the subsidy feature's side of the interest-subsidy job: opens a run, streams the payments to compute,
 * establishes each loan's gates, applies the pure {@link InterestSubsidyCalculator} per enterprise (in cap order, from
 * the cap its standing lines already use) and stores claims and lines, or, in a dry run, only totals.
 *
 * <p>A claims run covers every payment of the programme's enterprises paid from the programme's start to the end of
 * the period (within the programme) that is in no standing line; a dry run recomputes the payments paid within the
 * period whatever lines they are in, from the cap used by standing lines paid before the period, and writes nothing
 * but its totals. Both see only records reported up to the run's {@code as_of}.
 */
@Service
public class SubsidyRuns implements InterestSubsidyRuns {

    /** What a chunk needs of its run, parsed once per run. */
    record RunContext(RunMapper.RunRow row, InterestSubsidyRules rules, LocalDate paidFrom, LocalDate paidTo) {
    }

    /** One enterprise's computed lines with the loan of each payment. */
    record Computed(EnterprisePayments enterprise, SizeClass sizeClass, List<Line> lines,
            Map<Long, CandidatePayment> byPayment, Map<Long, RunMapper.LoanGateRow> gates) {
    }

    private final RunMapper mapper;
    private final Programmes programmes;
    private final SubsidyParameters parameters;
    private final LprRates lprRates;
    private final LineStore store;
    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final AccessPolicy access;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final int offsetSeconds;
    private final Map<Long, RunContext> contexts = new ConcurrentHashMap<>();

    SubsidyRuns(RunMapper mapper, Programmes programmes, SubsidyParameters parameters, LprRates lprRates,
            LineStore store, DataSource dataSource, AuditTrail audit, Notifications notifications,
            AccessPolicy access, BusinessCalendar calendar, Clock clock, ZoneId zone) {
        this.mapper = mapper;
        this.programmes = programmes;
        this.parameters = parameters;
        this.lprRates = lprRates;
        this.store = store;
        this.dataSource = dataSource;
        this.audit = audit;
        this.notifications = notifications;
        this.access = access;
        this.calendar = calendar;
        this.clock = clock;
        // the business zone has no daylight saving (Asia/Shanghai): one offset dates every admission decision
        this.offsetSeconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
    }

    /** Launch parameters, checked: the programme, the period, dry run or not and the what-if parameters. */
    record Launch(ProgrammeMapper.ProgrammeRow programme, SubsidyPeriod period, boolean dryRun, String rules) {
    }

    @Override
    public void check(Map<String, String> given) {
        launch(given);
    }

    private Launch launch(Map<String, String> given) {
        long programmeId;
        try {
            programmeId = Long.parseLong(String.valueOf(given.get("programme")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("programme must be a programme id");
        }
        ProgrammeMapper.ProgrammeRow programme = programmes.find(programmeId);
        if (programme == null) {
            throw new IllegalArgumentException("no programme " + programmeId);
        }
        SubsidyPeriod period = SubsidyPeriod.parseSpan(given.get("period"));
        if (!period.overlaps(programme.periodStart(), programme.periodEnd())) {
            throw new IllegalArgumentException("period " + period.code() + " is outside the programme's period "
                    + programme.periodStart() + " to " + programme.periodEnd());
        }
        String dryRun = given.get("dryRun");
        if (dryRun != null && !dryRun.equals("true")) {
            throw new IllegalArgumentException("dryRun must be true, or be left out for a run that makes claims");
        }
        String rules = given.get("rules");
        if (rules != null) {
            if (dryRun == null) {
                throw new IllegalArgumentException("rules (alternative parameters) are for dry runs only");
            }
            parameters.parseInterest(rules, 0);
        }
        if (dryRun == null && period.isRange()) {
            throw new IllegalArgumentException("a period range (" + period.code() + ") is for dry runs only");
        }
        String simulation = given.get("simulation");
        if (simulation != null && (dryRun == null || !simulation.matches("[1-9][0-9]{0,18}"))) {
            throw new IllegalArgumentException("simulation names the what-if simulation (an id) of a dry run");
        }
        return new Launch(programme, period, dryRun != null, rules);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long open(long jobInstanceId, Map<String, String> given) {
        RunMapper.RunRow existing = mapper.runByJobInstance(jobInstanceId);
        if (existing != null) {
            return existing.id();
        }
        Launch launch = launch(given);
        long programmeId = launch.programme().id();
        LocalDate ruleDate = Programmes.ruleDate(launch.programme(), launch.period());
        Programmes.RuleSet version = programmes.inForce(programmeId, ruleDate);
        if (version == null) {
            throw new IllegalStateException("programme " + programmeId + " has no parameter version in force on "
                    + ruleDate);
        }
        InterestSubsidyRules rules = launch.rules() == null ? version.interest()
                : parameters.parseInterest(launch.rules(), version.version());
        Instant asOf = clock.instant();
        GeneratedId key = new GeneratedId();
        try {
            mapper.insertRun(programmeId, launch.period().code(), launch.period().start(), launch.period().end(),
                    launch.dryRun(), jobInstanceId, version.id(), version.version(), parameters.write(rules), asOf,
                    calendar.today(), key);
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("programme " + programmeId + " already has a run that made claims for "
                    + launch.period().code());
        }
        audit.recordAs(Actor.SYSTEM, "SUBSIDY_RUN_OPENED", "SUBSIDY_RUN", key.getId(), Map.of("programmeId",
                programmeId, "period", launch.period().code(), "dryRun", launch.dryRun(), "rulesVersion",
                version.version(), "parameters", parameters.write(rules), "asOf", asOf.toString(), "jobInstanceId",
                jobInstanceId));
        return key.getId();
    }

    @Override
    public List<EnterpriseRange> partition(long runId, int partitions) {
        RunMapper.IdRange ids = mapper.enterpriseRange(context(runId).row().regionCode());
        if (ids == null || ids.low() == null) {
            return List.of(new EnterpriseRange(0, 0));
        }
        long span = ids.high() - ids.low() + 1;
        long step = (span + partitions - 1) / partitions;
        List<EnterpriseRange> ranges = new ArrayList<>();
        for (long from = ids.low(); from <= ids.high(); from += step) {
            ranges.add(new EnterpriseRange(from, Math.min(ids.high(), from + step - 1)));
        }
        return ranges;
    }

    @Override
    public WorkCursor work(long runId, long after, long to) {
        RunContext run = context(runId);
        return new CandidateCursor(dataSource, !run.row().dryRun(), after, to, run.row().regionCode(),
                run.paidFrom(), run.paidTo(), run.row().asOf());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(long runId, List<? extends EnterpriseWork> work) {
        if (work.isEmpty()) {
            return;
        }
        RunContext run = context(runId);
        List<EnterprisePayments> enterprises = work.stream().map(EnterprisePayments.class::cast).toList();
        List<Long> enterpriseIds = enterprises.stream().map(EnterprisePayments::enterpriseId).toList();
        boolean dryRun = run.row().dryRun();
        if (!dryRun) {
            // one computation of an enterprise's cap at a time, whatever runs overlap: the cap use read below is
            // what committed before the lock; a payment another run took meanwhile fails the unique key
            mapper.lockEntries(enterpriseIds);
        }
        List<Computed> computed = compute(run, enterprises);
        if (dryRun) {
            store.dryTotals(runId, dryTotals(computed));
        } else {
            storeClaims(run, computed);
        }
    }

    /**
     * The lines of these enterprises under the run's parameters; writes nothing. Loan gates come from the records as
     * of the run; the cap used so far from standing lines.
     */
    List<Computed> compute(RunContext run, List<EnterprisePayments> enterprises) {
        List<Long> enterpriseIds = enterprises.stream().map(EnterprisePayments::enterpriseId).toList();
        Set<Long> loanIds = new HashSet<>();
        enterprises.forEach(e -> e.payments().forEach(p -> loanIds.add(p.loanId())));
        Map<Long, RunMapper.LoanGateRow> gates = new HashMap<>();
        mapper.loanGates(loanIds, run.row().runDate(), run.row().asOf(), offsetSeconds)
                .forEach(g -> gates.put(g.loanId(), g));
        Map<Long, Map<Integer, BigDecimal>> used = new HashMap<>();
        mapper.capUsed(enterpriseIds, run.row().dryRun() ? run.paidFrom() : null).forEach(u -> used
                .computeIfAbsent(u.enterpriseId(), k -> new HashMap<>()).put(u.capYear(), u.used()));
        LprTable lpr = lprRates.table();
        List<Computed> result = new ArrayList<>();
        for (EnterprisePayments e : enterprises) {
            SizeClass size = SizeClassifier.classify(Sector.of(e.industryCode()), e.employees(), e.annualRevenue(),
                    e.totalAssets());
            Map<Long, LoanFacts> facts = new HashMap<>();
            Map<Long, CandidatePayment> byPayment = new LinkedHashMap<>();
            List<Payment> payments = new ArrayList<>();
            for (CandidatePayment p : e.payments()) {
                LoanFacts loan = facts.computeIfAbsent(p.loanId(), id -> facts(p, gates.get(id), size));
                byPayment.put(p.paymentId(), p);
                payments.add(new Payment(p.paymentId(), loan, p.sequenceNo(), p.accrualStart(), p.accrualEnd(),
                        p.principalBalance(), p.interestAmount(), p.dueDate(), p.paidDate()));
            }
            result.add(new Computed(e, size, InterestSubsidyCalculator.compute(run.rules(), payments,
                    used.getOrDefault(e.enterpriseId(), Map.of()), lpr), byPayment, gates));
        }
        return result;
    }

    private static LoanFacts facts(CandidatePayment p, RunMapper.LoanGateRow gate, SizeClass size) {
        return new LoanFacts(p.loanRef(), gate.admitted(), size.isSme(), gate.blacklisted(),
                gate.pledgedByDisbursement(), gate.firstPledgeInvention(), p.otherFiscalSubsidy(), p.annualRate(),
                p.signedOn(), p.disbursedOn(), p.ipShare());
    }

    private void storeClaims(RunContext run, List<Computed> computed) {
        List<ClaimDraft> claims = new ArrayList<>();
        List<LineDraft> lines = new ArrayList<>();
        List<LoanGateDraft> loans = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Computed c : computed) {
            BigDecimal claimTotal = InterestSubsidyCalculator.total(c.lines());
            claims.add(new ClaimDraft(c.enterprise().enterpriseId(), claimTotal, c.lines().size()));
            total = total.add(claimTotal);
            Map<Long, LoanGateDraft> loanGates = new LinkedHashMap<>();
            for (int i = 0; i < c.lines().size(); i++) {
                Line line = c.lines().get(i);
                CandidatePayment p = c.byPayment().get(line.payment().id());
                lines.add(new LineDraft(c.enterprise().enterpriseId(), i + 1, line));
                loanGates.computeIfAbsent(p.loanId(), id -> gateDraft(id, line, c.sizeClass(), c.gates().get(id)));
            }
            loans.addAll(loanGates.values());
        }
        RunMapper.RunRow row = run.row();
        Instant now = clock.instant();
        store.claims(row.programmeId(), row.id(), row.ruleVersionId(),
                row.runDate().plusDays(row.declarationDays()), now, claims);
        store.loanGates(row.id(), loans);
        store.lines(row.id(), lines);
        audit.recordAs(Actor.SYSTEM, "SUBSIDY_CLAIMS_COMPUTED", "SUBSIDY_RUN", row.id(), Map.of("enterpriseIds",
                claims.stream().map(ClaimDraft::enterpriseId).toList(), "claims", claims.size(), "lines",
                lines.size(), "amount", total.toPlainString()));
        notifications.subsidyClaimsComputed(row.id(), claims.stream().map(ClaimDraft::enterpriseId).toList());
    }

    private static LoanGateDraft gateDraft(long loanId, Line line, SizeClass size, RunMapper.LoanGateRow gate) {
        LoanFacts f = line.payment().loan();
        // a listing open on the disbursement day is why the enterprise was not admitted then (it suspends and blocks
        // readmission), so the refusal names it
        Long listing = line.reason() == Reason.NOT_ADMITTED ? gate.listingOnDisbursement() : null;
        return new LoanGateDraft(loanId, f.admittedOnDisbursement(), size.name(), f.blacklisted(),
                f.pledgedByDisbursement(), f.firstPledgeInvention(), f.otherFiscalSubsidy(), f.annualRate(),
                line.reason().isLoanGate() ? line.reason().name() : null,
                line.lprMonth() == null ? null : line.lprMonth().toString(), line.lpr(), line.reference(), listing);
    }

    private static List<DryTotal> dryTotals(List<Computed> computed) {
        List<DryTotal> totals = new ArrayList<>();
        for (Computed c : computed) {
            Map<Long, DryTotal> byBank = new LinkedHashMap<>();
            for (Line line : c.lines()) {
                long bankId = c.byPayment().get(line.payment().id()).bankId();
                DryTotal t = byBank.getOrDefault(bankId, new DryTotal(c.enterprise().enterpriseId(), bankId, 0,
                        BigDecimal.ZERO, BigDecimal.ZERO));
                byBank.put(bankId, new DryTotal(t.enterpriseId(), bankId, t.lineCount() + 1,
                        t.amountBeforeCap().add(line.amountBeforeCap()), t.amount().add(line.amount())));
            }
            totals.addAll(byBank.values());
        }
        return totals;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(long runId) {
        RunMapper.RunRow row = context(runId).row();
        Instant now = clock.instant();
        if (row.dryRun()) {
            mapper.completeDryRun(runId, now);
        } else {
            mapper.completeClaimsRun(runId, now);
        }
        RunMapper.RunRow done = mapper.run(runId);
        audit.recordAs(Actor.SYSTEM, "SUBSIDY_RUN_COMPLETED", "SUBSIDY_RUN", runId, Map.of("claims",
                done.claimCount(), "lines", done.lineCount(), "amount", done.totalAmount().toPlainString()));
        contexts.remove(runId);
    }

    /** Runs, for admins, regulators and city reviewers. */
    List<RunMapper.RunRow> runs(Long programmeId) {
        runReader();
        return mapper.runs(programmeId);
    }

    RunMapper.RunRow visibleRun(long runId) {
        runReader();
        return run(runId);
    }

    RunMapper.RunRow run(long runId) {
        RunMapper.RunRow row = mapper.run(runId);
        if (row == null) {
            throw new ApiException(ErrorCode.SUBSIDY_RUN_NOT_FOUND, runId);
        }
        return row;
    }

    private void runReader() {
        access.require(access.caller(), Permission.READ_SUBSIDY_RUNS);
    }

    InterestSubsidyRules rulesOf(RunMapper.RunRow row) {
        return parameters.interest(row.interestRules(), row.rulesVersion());
    }

    private RunContext context(long runId) {
        return contexts.computeIfAbsent(runId, id -> {
            RunMapper.RunRow row = mapper.run(id);
            boolean dry = row.dryRun();
            LocalDate from = dry ? max(row.periodStart(), row.programmeStart()) : row.programmeStart();
            return new RunContext(row, rulesOf(row), from, min(row.periodEnd(), row.programmeEnd()));
        });
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
