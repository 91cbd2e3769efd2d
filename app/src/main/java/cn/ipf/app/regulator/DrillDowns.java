package cn.ipf.app.regulator;

import cn.ipf.app.audit.AuditReader;
import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.compensation.CompensationClaims;
import cn.ipf.app.compensation.RecoveryReturned;
import cn.ipf.app.disposal.DisposalCases;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 穿透审计 a payout line's chain, for the regulators: the interest payment (subsidy) or the default (compensation) it
 * pays, the loan and its contract, the loan's pledge registrations with their assets, for a compensation line the
 * loan's disposal cases (质物处置) and the recoveries returned to the claim's layers, the borrower's admission
 * decision in force on the disbursement day with its score breakdown, the parameter version the line was computed
 * with, and every audit event on any of them.
 */
@Service
public class DrillDowns {

    public enum Kind { SUBSIDY, COMPENSATION }

    public record Pledge(DrillDownMapper.Pledge registration, List<Long> patentIds, List<Long> trademarkIds) {
    }

    /**
     * The chain; a compensation line also has its loan's disposal cases and the recoveries returned to its claim's
     * layers (empty for a subsidy line).
     */
    public record Chain(Kind kind, DrillDownMapper.Line line, DrillDownMapper.Payment payment,
            DrillDownMapper.Loan loan, List<Pledge> pledges, List<DisposalCases.Case> disposals,
            List<RecoveryReturned> returns, DrillDownMapper.Decision admission, DrillDownMapper.Version version,
            List<AuditChain.Event> events) {
    }

    private final DrillDownMapper mapper;
    private final DisposalCases disposalCases;
    private final CompensationClaims compensationClaims;
    private final AuditReader audit;
    private final ZoneId zone;

    DrillDowns(DrillDownMapper mapper, DisposalCases disposalCases, CompensationClaims compensationClaims,
            AuditReader audit, ZoneId zone) {
        this.mapper = mapper;
        this.disposalCases = disposalCases;
        this.compensationClaims = compensationClaims;
        this.audit = audit;
        this.zone = zone;
    }

    /** The chain of a claim's line; 404 when the claim has no such line. */
    @Transactional(readOnly = true)
    public Chain chain(Kind kind, long claimId, int lineNo) {
        DrillDownMapper.Line line = kind == Kind.SUBSIDY ? mapper.subsidyLine(claimId, lineNo)
                : mapper.compensationLine(claimId, lineNo);
        if (line == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        DrillDownMapper.Loan loan = mapper.loan(line.loanId());
        List<DrillDownMapper.Asset> assets = mapper.pledgedAssets(loan.loanId());
        List<Pledge> pledges = mapper.pledges(loan.loanId()).stream().map(r -> new Pledge(r,
                assetIds(assets, r.registrationId(), "PATENT"), assetIds(assets, r.registrationId(), "TRADEMARK")))
                .toList();
        // the gates look at the decision in force at the end of the disbursement day (Asia/Shanghai)
        DrillDownMapper.Decision admission = loan.disbursedOn() == null ? null : mapper.decisionBefore(
                loan.enterpriseId(), loan.disbursedOn().plusDays(1).atStartOfDay(zone).toInstant());
        DrillDownMapper.Version version = kind == Kind.SUBSIDY ? mapper.subsidyVersion(line.ruleVersionId())
                : mapper.compensationVersion(line.ruleVersionId());
        List<DisposalCases.Case> disposals = kind == Kind.SUBSIDY ? List.of()
                : disposalCases.onLoan(loan.loanId());
        List<RecoveryReturned> returns = kind == Kind.SUBSIDY ? List.of()
                : compensationClaims.recoveryReturns(claimId);

        List<AuditReader.Entity> touched = new ArrayList<>();
        touched.add(entity(kind == Kind.SUBSIDY ? "SUBSIDY_CLAIM" : "COMPENSATION_CLAIM", claimId));
        touched.add(entity(kind == Kind.SUBSIDY ? "SUBSIDY_PROGRAMME" : "COMPENSATION_PROGRAMME",
                line.programmeId()));
        if (line.runId() != null) {
            touched.add(entity("SUBSIDY_RUN", line.runId()));
        }
        touched.add(entity("LOAN", loan.loanId()));
        if (loan.applicationId() != null) {
            touched.add(entity("LOAN_APPLICATION", loan.applicationId()));
        }
        touched.add(entity("ENTERPRISE", loan.enterpriseId()));
        assets.forEach(a -> touched.add(entity(a.kind(), a.assetId())));
        disposals.forEach(d -> touched.add(entity("DISPOSAL_CASE", d.id())));
        return new Chain(kind, line, line.paymentId() == null ? null : mapper.payment(line.paymentId()), loan,
                pledges, disposals, returns, admission, version, audit.touching(touched.stream().distinct()
                        .toList()));
    }

    private static List<Long> assetIds(List<DrillDownMapper.Asset> assets, long registrationId, String kind) {
        return assets.stream().filter(a -> a.registrationId() == registrationId && a.kind().equals(kind))
                .map(DrillDownMapper.Asset::assetId).toList();
    }

    private static AuditReader.Entity entity(String type, long id) {
        return new AuditReader.Entity(type, String.valueOf(id));
    }
}
