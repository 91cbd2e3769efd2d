package cn.ipf.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats(ZoneId.of("Asia/Shanghai"));

    @Test
    void moneyIsYuanWithThousandsAndFen() {
        assertThat(fmt.money(new BigDecimal("1234567.891"))).isEqualTo("¥1,234,567.89");
        assertThat(fmt.money(new BigDecimal("0.005"))).isEqualTo("¥0.01");
        assertThat(fmt.money(new BigDecimal("-12"))).isEqualTo("-¥12.00");
        assertThat(fmt.money(null)).isEmpty();
    }

    @Test
    void largeSumsAlsoInWan() {
        assertThat(fmt.wan(new BigDecimal("1234567.89"))).isEqualTo("123.46万元");
        assertThat(fmt.wanAside(new BigDecimal("1000000"))).isEqualTo("（100.00万元）");
        assertThat(fmt.wanAside(new BigDecimal("9999.99"))).isEmpty();
    }

    @Test
    void datesAreIsoInTheBusinessZone() {
        assertThat(fmt.date(LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
        assertThat(fmt.date(Instant.parse("2025-02-28T16:30:00Z"))).isEqualTo("2025-03-01");
        assertThat(fmt.dateTime(Instant.parse("2025-02-28T16:30:00Z"))).isEqualTo("2025-03-01 00:30");
    }

    @Test
    void sharesAndRates() {
        assertThat(fmt.percent(new BigDecimal("0.60"))).isEqualTo("60%");
        assertThat(fmt.percent(new BigDecimal("0.0345"))).isEqualTo("3.45%");
        assertThat(fmt.percentFigure(new BigDecimal("3.1"))).isEqualTo("3.10%");
        assertThat(fmt.percentFigure(new BigDecimal("3.000"))).isEqualTo("3.00%");
        assertThat(fmt.percentFigure(new BigDecimal("3.125"))).isEqualTo("3.125%");
    }
}
