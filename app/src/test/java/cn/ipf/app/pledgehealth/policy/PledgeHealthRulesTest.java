package cn.ipf.app.pledgehealth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.pledgehealth.policy.HealthWarnings.Warning;
import cn.ipf.app.pledgehealth.policy.HealthWarnings.WarningKind;
import cn.ipf.app.pledgehealth.policy.PatentTerms.PatentType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PledgeHealthRulesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void termsRunFromTheFilingDateAndDesignsFiledFromJune2021Get15Years() {
        assertThat(PatentTerms.statutoryExpiry(PatentType.INVENTION, d("2006-03-15"))).isEqualTo("2026-03-14");
        assertThat(PatentTerms.statutoryExpiry(PatentType.UTILITY_MODEL, d("2018-07-01"))).isEqualTo("2028-06-30");
        assertThat(PatentTerms.termYears(PatentType.DESIGN, d("2021-05-31"))).isEqualTo(10);
        assertThat(PatentTerms.termYears(PatentType.DESIGN, d("2021-06-01"))).isEqualTo(15);
        assertThat(PatentTerms.statutoryExpiry(PatentType.DESIGN, d("2021-06-01"))).isEqualTo("2036-05-31");
    }

    @Test
    void annualFeesFallDueOnTheFilingAnniversaryWithinTheTerm() {
        assertThat(PatentTerms.nextFeeDue(PatentType.INVENTION, d("2020-03-15"), d("2026-01-10")))
                .contains(d("2026-03-15"));
        assertThat(PatentTerms.nextFeeDue(PatentType.INVENTION, d("2020-03-15"), d("2026-03-15")))
                .as("the anniversary itself").contains(d("2026-03-15"));
        assertThat(PatentTerms.nextFeeDue(PatentType.INVENTION, d("2020-03-15"), d("2026-03-16")))
                .contains(d("2027-03-15"));
        assertThat(PatentTerms.nextFeeDue(PatentType.INVENTION, d("2020-02-29"), d("2026-01-01")))
                .contains(d("2026-02-28"));
        assertThat(PatentTerms.nextFeeDue(PatentType.UTILITY_MODEL, d("2016-05-01"), d("2025-06-01")))
                .as("the term ends 2026-04-30, before the next anniversary").isEmpty();
    }

    @Test
    void theGracePeriodIsSixMonthsWithALateFeeFromTheSecondMonth() {
        LocalDate due = d("2026-03-15");
        assertThat(PatentTerms.graceEnd(due)).isEqualTo("2026-09-15");
        assertThat(PatentTerms.lateFeePercent(due, d("2026-03-15"))).contains(0);
        assertThat(PatentTerms.lateFeePercent(due, d("2026-04-15"))).as("within the first month").contains(0);
        assertThat(PatentTerms.lateFeePercent(due, d("2026-04-16"))).contains(5);
        assertThat(PatentTerms.lateFeePercent(due, d("2026-06-01"))).contains(10);
        assertThat(PatentTerms.lateFeePercent(due, d("2026-09-15"))).contains(25);
        assertThat(PatentTerms.lateFeePercent(due, d("2026-09-16"))).as("too late: the right lapses").isEmpty();
    }

    @Test
    void trademarksRenewInTheLastYearOrTheSixMonthGrace() {
        assertThat(TrademarkTerms.renewalOpens(d("2027-05-20"))).isEqualTo("2026-05-20");
        assertThat(TrademarkTerms.graceEnd(d("2027-05-20"))).isEqualTo("2027-11-20");
    }

    @Test
    void warningsComeWithinTheLookAhead() {
        assertThat(HealthWarnings.forPatent(PatentType.INVENTION, d("2020-03-15"), d("2026-01-10"), 90))
                .containsExactly(new Warning(WarningKind.ANNUAL_FEE_DUE, d("2026-03-15"), d("2026-09-15")));
        assertThat(HealthWarnings.forPatent(PatentType.INVENTION, d("2020-03-15"), d("2026-01-10"), 30)).isEmpty();
        assertThat(HealthWarnings.forPatent(PatentType.UTILITY_MODEL, d("2016-05-01"), d("2026-03-01"), 90))
                .containsExactly(new Warning(WarningKind.PATENT_TERM_ENDS, d("2026-04-30"), null));
        assertThat(HealthWarnings.forTrademark(d("2026-03-01"), d("2026-01-10"), 90))
                .containsExactly(new Warning(WarningKind.TRADEMARK_RENEWAL_DUE, d("2026-03-01"), d("2026-09-01")));
        assertThat(HealthWarnings.forTrademark(d("2026-03-01"), d("2026-03-02"), 90)).isEmpty();
    }

    @Test
    void everyEventSaysWhatToDoAndUntilWhen() {
        for (LegalEventKind kind : LegalEventKind.values()) {
            assertThat(kind.actionZh()).isNotBlank();
            assertThat(kind.actionEn()).isNotBlank();
        }
        assertThat(LegalEventKind.PATENT_FEE_LAPSE.cureBy(d("2026-10-09"))).contains(d("2026-12-09"));
        assertThat(LegalEventKind.PATENT_INVALIDATION.cureBy(d("2026-10-09"))).contains(d("2027-01-09"));
        assertThat(LegalEventKind.TRADEMARK_INVALIDATION.cureBy(d("2026-10-09"))).contains(d("2026-11-08"));
        assertThat(LegalEventKind.PATENT_TRANSFER.cureBy(d("2026-10-09"))).isEmpty();
        assertThat(LegalEventKind.PATENT_FEE_LAPSE.patent()).isTrue();
        assertThat(LegalEventKind.TRADEMARK_EXPIRY.patent()).isFalse();
    }
}
