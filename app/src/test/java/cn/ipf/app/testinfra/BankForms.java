package cn.ipf.app.testinfra;

import cn.ipf.sdk.model.AssetRef;
import cn.ipf.sdk.model.CollateralKind;
import cn.ipf.sdk.model.InterestPaymentReport;
import cn.ipf.sdk.model.LoanContractReport;
import cn.ipf.sdk.model.LoanOffer;
import cn.ipf.sdk.model.LoanProductForm;
import cn.ipf.sdk.model.PledgeRegistrationReport;
import cn.ipf.sdk.model.PledgeableAssetKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * What a bank's system sends, as the SDK's models, with the figures the loan tests share: a 0.5–5 M product on
 * invention patents, an offer and contract of 1.8 M at 3.25 % for 12 months, and 30-day interest periods on 1.8 M
 * (1 800 000 × 3.25 % × 30 / 360 = 4 875.00).
 */
public final class BankForms {

    public static final BigDecimal PRINCIPAL = new BigDecimal("1800000");

    private BankForms() {
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    public static LoanProductForm inventionProduct(String name) {
        return new LoanProductForm().name(name).amountMin(new BigDecimal("500000"))
                .amountMax(new BigDecimal("5000000")).termMonthsMin(6).termMonthsMax(36).spreadBpMin(30)
                .spreadBpMax(150).maxPledgeRate(new BigDecimal("0.5"))
                .acceptedCollateral(new LinkedHashSet<>(List.of(CollateralKind.INVENTION)))
                .windowStart(LocalDate.of(2026, 1, 1));
    }

    public static LoanOffer offer() {
        return new LoanOffer().amount(PRINCIPAL).annualRate(new BigDecimal("0.0325")).termMonths(12);
    }

    public static LoanContractReport contract(String ref, LocalDate signedOn) {
        return new LoanContractReport().externalId(ref).contractNo("青银知质借字（2026）第" + ref + "号")
                .signedOn(signedOn).principal(PRINCIPAL).annualRate(new BigDecimal("0.0325"))
                .maturityDate(signedOn.plusYears(1)).ipShare(BigDecimal.ONE).otherFiscalSubsidy(false);
    }

    public static PledgeRegistrationReport registration(String no, LocalDate registeredOn, long patentId) {
        return new PledgeRegistrationReport().registrationNo(no).registeredOn(registeredOn).securedAmount(PRINCIPAL)
                .assets(List.of(new AssetRef().kind(PledgeableAssetKind.PATENT).id(patentId)));
    }

    /** A 30-day period from {@code start}, paid when due (or today, if it is not due yet). */
    public static InterestPaymentReport interest(String externalId, int sequence, LocalDate start, LocalDate today) {
        LocalDate due = start.plusDays(30);
        return new InterestPaymentReport().externalId(externalId).sequenceNo(sequence).accrualStart(start)
                .accrualEnd(due).principalBalance(PRINCIPAL).interestAmount(new BigDecimal("4875.00"))
                .dueDate(due).paidDate(due.isAfter(today) ? today : due);
    }
}
