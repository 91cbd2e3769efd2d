package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 工信部联企业〔2011〕300号 at and around every bound. Amounts in the table below are in 万元; the classifier takes yuan.
 * A class needs every one of its lower bounds, so each bound is probed with the other indicators comfortably met.
 */
class SizeClassifierTest {

    private static BigDecimal wan(String tenThousands) {
        return new BigDecimal(tenThousands).multiply(BigDecimal.valueOf(10_000));
    }

    @ParameterizedTest(name = "{0}: {1} employees, revenue {2} 万, assets {3} 万 → {4}")
    @CsvSource({
            // industry: small 20 & 300, medium 300 & 2000, large 1000 & 40000
            "INDUSTRY,        0,          0,      0, MICRO",
            "INDUSTRY,       19,        300,      0, MICRO",
            "INDUSTRY,       20,        300,      0, SMALL",
            "INDUSTRY,       20,     299.99,      0, MICRO",
            "INDUSTRY,      299,       2000,      0, SMALL",
            "INDUSTRY,      300,       2000,      0, MEDIUM",
            "INDUSTRY,      300,    1999.99,      0, SMALL",
            "INDUSTRY,      999,      40000,      0, MEDIUM",
            "INDUSTRY,     1000,   39999.99,      0, MEDIUM",
            "INDUSTRY,     1000,      40000,      0, LARGE",
            "INDUSTRY,    50000,        100,      0, MICRO",
            "INDUSTRY,       10,     900000,      0, MICRO",
            // construction: revenue & total assets; small 300 & 300, medium 6000 & 5000, large 80000 & 80000
            "CONSTRUCTION,    0,     299.99,    300, MICRO",
            "CONSTRUCTION,    0,        300, 299.99, MICRO",
            "CONSTRUCTION,    0,        300,    300, SMALL",
            "CONSTRUCTION,    0,    5999.99,   5000, SMALL",
            "CONSTRUCTION,    0,       6000, 4999.99, SMALL",
            "CONSTRUCTION,    0,       6000,   5000, MEDIUM",
            "CONSTRUCTION,    0,   79999.99,  80000, MEDIUM",
            "CONSTRUCTION,    0,      80000, 79999.99, MEDIUM",
            "CONSTRUCTION,    0,      80000,  80000, LARGE",
            "CONSTRUCTION,100000,         0,      0, MICRO",
            "CONSTRUCTION,    0,    2000000,    100, MICRO",
            // wholesale: small 5 & 1000, medium 20 & 5000, large 200 & 40000
            "WHOLESALE,       4,       1000,      0, MICRO",
            "WHOLESALE,       5,       1000,      0, SMALL",
            "WHOLESALE,       5,     999.99,      0, MICRO",
            "WHOLESALE,      19,       5000,      0, SMALL",
            "WHOLESALE,      20,       5000,      0, MEDIUM",
            "WHOLESALE,      20,    4999.99,      0, SMALL",
            "WHOLESALE,     199,      40000,      0, MEDIUM",
            "WHOLESALE,     200,   39999.99,      0, MEDIUM",
            "WHOLESALE,     200,      40000,      0, LARGE",
            // retail: small 10 & 100, medium 50 & 500, large 300 & 20000
            "RETAIL,          9,        100,      0, MICRO",
            "RETAIL,         10,        100,      0, SMALL",
            "RETAIL,         10,      99.99,      0, MICRO",
            "RETAIL,         49,        500,      0, SMALL",
            "RETAIL,         50,        500,      0, MEDIUM",
            "RETAIL,         50,     499.99,      0, SMALL",
            "RETAIL,        299,      20000,      0, MEDIUM",
            "RETAIL,        300,   19999.99,      0, MEDIUM",
            "RETAIL,        300,      20000,      0, LARGE",
            // transport: small 20 & 200, medium 300 & 3000, large 1000 & 30000
            "TRANSPORT,      19,        200,      0, MICRO",
            "TRANSPORT,      20,        200,      0, SMALL",
            "TRANSPORT,      20,     199.99,      0, MICRO",
            "TRANSPORT,     299,       3000,      0, SMALL",
            "TRANSPORT,     300,       3000,      0, MEDIUM",
            "TRANSPORT,     300,    2999.99,      0, SMALL",
            "TRANSPORT,     999,      30000,      0, MEDIUM",
            "TRANSPORT,    1000,   29999.99,      0, MEDIUM",
            "TRANSPORT,    1000,      30000,      0, LARGE",
            // software and IT services: small 10 & 50, medium 100 & 1000, large 300 & 10000
            "SOFTWARE_IT,     9,         50,      0, MICRO",
            "SOFTWARE_IT,    10,         50,      0, SMALL",
            "SOFTWARE_IT,    10,      49.99,      0, MICRO",
            "SOFTWARE_IT,    99,       1000,      0, SMALL",
            "SOFTWARE_IT,   100,       1000,      0, MEDIUM",
            "SOFTWARE_IT,   100,     999.99,      0, SMALL",
            "SOFTWARE_IT,   299,      10000,      0, MEDIUM",
            "SOFTWARE_IT,   300,    9999.99,      0, MEDIUM",
            "SOFTWARE_IT,   300,      10000,      0, LARGE",
            // other (not elsewhere listed): employees only; small 10, medium 100, large 300
            "OTHER,           0,          0,      0, MICRO",
            "OTHER,           9,     900000, 900000, MICRO",
            "OTHER,          10,          0,      0, SMALL",
            "OTHER,          99,          0,      0, SMALL",
            "OTHER,         100,          0,      0, MEDIUM",
            "OTHER,         299,          0,      0, MEDIUM",
            "OTHER,         300,          0,      0, LARGE",
    })
    void classifiesAtAndAroundEveryBound(Sector sector, int employees, String revenueWan, String assetsWan,
            SizeClass expected) {
        assertThat(SizeClassifier.classify(sector, employees, wan(revenueWan), wan(assetsWan))).isEqualTo(expected);
    }

    @Test
    void takesAmountsInYuanAndComparesByValueNotScale() {
        assertThat(SizeClassifier.classify(Sector.INDUSTRY, 20, new BigDecimal("2999999.99"), BigDecimal.ZERO))
                .isEqualTo(SizeClass.MICRO);
        assertThat(SizeClassifier.classify(Sector.INDUSTRY, 20, new BigDecimal("3000000"), BigDecimal.ZERO))
                .isEqualTo(SizeClass.SMALL);
        assertThat(SizeClassifier.classify(Sector.INDUSTRY, 20, new BigDecimal("3000000.000"), BigDecimal.ZERO))
                .isEqualTo(SizeClass.SMALL);
        assertThat(SizeClassifier.classify(Sector.INDUSTRY, 20, new BigDecimal("3E+6"), BigDecimal.ZERO))
                .isEqualTo(SizeClass.SMALL);
    }

    @Test
    void saysTheLowerBoundsOfAClassToExplainIt() {
        assertThat(SizeClassifier.lowerBounds(Sector.INDUSTRY, SizeClass.SMALL))
                .contains(new SizeClassifier.Bounds(20, 300, 0));
        assertThat(SizeClassifier.lowerBounds(Sector.CONSTRUCTION, SizeClass.MEDIUM))
                .contains(new SizeClassifier.Bounds(0, 6000, 5000));
        assertThat(SizeClassifier.lowerBounds(Sector.RETAIL, SizeClass.MICRO)).isEmpty();
    }

    @Test
    void onlyLargeIsNotAnSme() {
        assertThat(SizeClass.MICRO.isSme()).isTrue();
        assertThat(SizeClass.SMALL.isSme()).isTrue();
        assertThat(SizeClass.MEDIUM.isSme()).isTrue();
        assertThat(SizeClass.LARGE.isSme()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Sector.class)
    void refusesNegativeIndicators(Sector sector) {
        assertThatThrownBy(() -> SizeClassifier.classify(sector, -1, BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizeClassifier.classify(sector, 0, new BigDecimal("-0.01"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizeClassifier.classify(sector, 0, BigDecimal.ZERO, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMissingValues() {
        assertThatThrownBy(() -> SizeClassifier.classify(null, 0, BigDecimal.ZERO, BigDecimal.ZERO))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SizeClassifier.classify(Sector.OTHER, 0, null, BigDecimal.ZERO))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SizeClassifier.classify(Sector.OTHER, 0, BigDecimal.ZERO, null))
                .isInstanceOf(NullPointerException.class);
    }
}
