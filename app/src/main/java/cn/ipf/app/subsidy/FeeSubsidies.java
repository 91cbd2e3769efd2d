package cn.ipf.app.subsidy;

import cn.ipf.api.model.NewFeeClaim;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.notification.Notifications;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.FeeSubsidyCalculator;
import cn.ipf.app.subsidy.policy.FeeSubsidyCalculator.Kind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评估费 / 保险费补贴 fee subsidies: the SME claims a share of an evaluation fee or an insurance premium with the
 * invoice, for a disbursed pledged loan of its own; the claim is declared at once and then reviewed like an interest
 * claim. The annual cap of each kind is per enterprise and calendar year of the invoice date, taken under the lock of
 * the enterprise's library entry.
 */
@Service
public class FeeSubsidies {

    /** What the SME gives. */
    record FeeClaimForm(long programmeId, Kind kind, long bankId, String loanExternalId, Long appraisalId,
            String policyNo, String insurer, String invoiceNo, String invoiceIssuer, LocalDate invoiceDate,
            BigDecimal invoiceAmount, SubsidyClaims.Account account, boolean noDoubleSubsidy) {

        /** The contract's form, validated against its constraints. */
        static FeeClaimForm of(NewFeeClaim body) {
            return new FeeClaimForm(body.getProgrammeId(), Kind.valueOf(body.getKind().getValue()),
                    body.getBankId(), body.getLoanExternalId(), body.getAppraisalId(), body.getPolicyNo(),
                    body.getInsurer(), body.getInvoiceNo(), body.getInvoiceIssuer(), body.getInvoiceDate(),
                    body.getInvoiceAmount(), new SubsidyClaims.Account(body.getAccount().getName(),
                            body.getAccount().getBank(), body.getAccount().getNumber()), body.getNoDoubleSubsidy());
        }
    }

    private final ClaimMapper claims;
    private final RunMapper runs;
    private final Programmes programmes;
    private final SubsidyClaims reviews;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final Clock clock;

    FeeSubsidies(ClaimMapper claims, RunMapper runs, Programmes programmes, SubsidyClaims reviews,
            AccessPolicy access, AuditTrail audit, Notifications notifications,
            BusinessCalendar calendar, Clock clock) {
        this.claims = claims;
        this.runs = runs;
        this.programmes = programmes;
        this.reviews = reviews;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What the calling SME may name in a fee claim. */
    record Choices(List<FeeChoiceRow> programmes, List<FeeLoanChoiceRow> loans, List<FeeChoiceRow> appraisals) {
    }

    Choices choices() {
        long enterpriseId = enterpriseOfCaller();
        return new Choices(claims.feeProgrammes(enterpriseId), claims.feeLoans(enterpriseId),
                claims.appraisals(enterpriseId));
    }

    @Transactional
    SubsidyClaims.ClaimDetail claim(FeeClaimForm f) {
        Caller caller = access.caller();
        long enterpriseId = enterpriseOfCaller();
        BigDecimal invoiceAmount = Yuan.of(f.invoiceAmount(), "invoiceAmount");
        requireFields(f);
        ProgrammeMapper.ProgrammeRow programme = programmes.find(f.programmeId());
        if (programme == null) {
            throw new ApiException(ErrorCode.PROGRAMME_NOT_FOUND, f.programmeId());
        }
        ClaimMapper.FeeLoanRow loan = claims.feeLoan(f.bankId(), f.loanExternalId());
        if (loan == null || loan.enterpriseId() != enterpriseId) {
            throw new ApiException(ErrorCode.LOAN_NOT_FOUND, f.loanExternalId());
        }
        if (!claims.inRegion(enterpriseId, programme.regionCode())) {
            throw ineligible("OUTSIDE_PROGRAMME_REGION", "the enterprise is outside the programme's region");
        }
        if (f.invoiceDate().isBefore(programme.periodStart()) || f.invoiceDate().isAfter(programme.periodEnd())) {
            throw ineligible("OUTSIDE_PROGRAMME_PERIOD", "the invoice date is outside the programme's period");
        }
        if (loan.disbursedOn() == null) {
            throw ineligible("LOAN_NOT_DISBURSED", "the loan has not been disbursed");
        }
        if (!loan.pledged()) {
            throw ineligible("LOAN_NOT_PLEDGED", "the loan has no pledge registration");
        }
        if (f.kind() == Kind.EVALUATION_FEE
                && !claims.appraisalOfPledgedAsset(f.appraisalId(), enterpriseId, loan.id())) {
            throw ineligible("APPRAISAL_NOT_OF_PLEDGED_ASSET",
                    "the appraisal is not of an asset of the enterprise pledged for the loan");
        }
        runs.lockEntries(List.of(enterpriseId));
        if (claims.evidenceTaken(f.invoiceNo(), f.appraisalId())) {
            throw new ApiException(ErrorCode.FEE_EVIDENCE_TAKEN);
        }
        Programmes.RuleSet rules = programmes.inForce(programme.id(), f.invoiceDate());
        int year = f.invoiceDate().getYear();
        FeeSubsidyCalculator.Result result = FeeSubsidyCalculator.compute(rules.fees(), f.kind(), invoiceAmount,
                claims.feeCapUsed(enterpriseId, f.kind().name(), year));
        if (result.reason() == FeeSubsidyCalculator.Reason.CAP_EXHAUSTED) {
            throw new ApiException(ErrorCode.FEE_CAP_EXHAUSTED, year);
        }
        Instant now = clock.instant();
        GeneratedId key = new GeneratedId();
        claims.insertFeeClaim(programme.id(), enterpriseId, f.kind().name(), rules.id(), result.amount(),
                f.account().name(), f.account().bank(), f.account().number(), caller.userId(), now, key);
        try {
            claims.insertEvidence(key.getId(), f.kind().name(), new ClaimMapper.EvidenceRow(loan.id(),
                    f.loanExternalId(), f.bankId(), f.kind() == Kind.EVALUATION_FEE ? f.appraisalId() : null,
                    f.policyNo(), f.insurer(), f.invoiceNo(), f.invoiceIssuer(), f.invoiceDate(), invoiceAmount,
                    result.ratio(), result.annualCap(), year, result.capRemainingBefore(), result.amountBeforeCap(),
                    result.amount(), result.reason().name(), rules.version()));
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.FEE_EVIDENCE_TAKEN);
        }
        audit.record("SUBSIDY_FEE_CLAIMED", "SUBSIDY_CLAIM", key.getId(), Map.of("kind", f.kind().name(),
                "enterpriseId", enterpriseId, "loanId", loan.id(), "invoiceNo", f.invoiceNo(), "invoiceAmount",
                invoiceAmount.toPlainString(), "amount", result.amount().toPlainString(), "reason",
                result.reason().name(), "rulesVersion", rules.version()));
        notifications.subsidyClaimDeclared(enterpriseId, key.getId(), result.amount());
        return reviews.detail(key.getId());
    }

    /** The SME's own enterprise; only its users claim fee subsidies. */
    private long enterpriseOfCaller() {
        Caller caller = access.caller();
        access.require(caller, Permission.ACT_FOR_ENTERPRISE);
        if (caller.enterpriseId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return caller.enterpriseId();
    }

    private void requireFields(FeeClaimForm f) {
        List<FieldViolation> missing = new ArrayList<>();
        if (!f.noDoubleSubsidy()) {
            missing.add(new FieldViolation("noDoubleSubsidy", "must be true"));
        }
        if (f.invoiceDate().isAfter(calendar.today())) {
            missing.add(new FieldViolation("invoiceDate", "must not be after today"));
        }
        if (f.kind() == Kind.EVALUATION_FEE && f.appraisalId() == null) {
            missing.add(new FieldViolation("appraisalId", "required for an evaluation fee"));
        }
        if (f.kind() == Kind.INSURANCE_PREMIUM && (blank(f.policyNo()) || blank(f.insurer()))) {
            missing.add(new FieldViolation(blank(f.policyNo()) ? "policyNo" : "insurer",
                    "required for an insurance premium"));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, missing);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ApiException ineligible(String reason, String detail) {
        return new ApiException(ErrorCode.FEE_SUBSIDY_INELIGIBLE, detail).with("reason", reason);
    }
}
