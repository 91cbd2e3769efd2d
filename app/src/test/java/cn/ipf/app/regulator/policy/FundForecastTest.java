package cn.ipf.app.regulator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FundForecastTest {

    @Test
    void aFundLastsItsBalanceAtTheLastYearsPace() {
        FundForecast f = FundForecast.of(new BigDecimal("1200000.00"), new BigDecimal("600000.00"));
        assertThat(f.monthlyPayout()).isEqualByComparingTo("50000.00");
        assertThat(f.monthsLeft()).isEqualByComparingTo("24.0");
        assertThat(f.flagged()).isFalse();
    }

    @Test
    void lessThanAYearIsFlagged() {
        FundForecast f = FundForecast.of(new BigDecimal("400000.00"), new BigDecimal("600000.00"));
        assertThat(f.monthsLeft()).isEqualByComparingTo("8.0");
        assertThat(f.flagged()).isTrue();
    }

    @Test
    void aFundNotDrawnHasNoForecastAndAnEmptyOneIsFlagged() {
        assertThat(FundForecast.of(new BigDecimal("100.00"), BigDecimal.ZERO).monthsLeft()).isNull();
        assertThat(FundForecast.of(new BigDecimal("100.00"), BigDecimal.ZERO).flagged()).isFalse();
        assertThat(FundForecast.of(BigDecimal.ZERO, BigDecimal.ZERO).flagged()).isTrue();
    }
}
