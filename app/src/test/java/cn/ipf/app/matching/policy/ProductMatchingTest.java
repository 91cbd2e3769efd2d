package cn.ipf.app.matching.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.matching.policy.ProductMatching.Criterion;
import cn.ipf.app.matching.policy.ProductMatching.Enterprise;
import cn.ipf.app.matching.policy.ProductMatching.Match;
import cn.ipf.app.matching.policy.ProductMatching.Product;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductMatchingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Product product() {
        return new Product(1, new BigDecimal("500000"), new BigDecimal("5000000"), 6, 36, 50, new BigDecimal("0.5"),
                Set.of("INVENTION", "UTILITY_MODEL"), Set.of("370202"), Set.of("C"), "A", 1,
                LocalDate.of(2026, 1, 1), null);
    }

    private static Enterprise enterprise() {
        return new Enterprise("370202", "C3736", new BigDecimal("2000000"), 12, Set.of(1L), "AA", 2,
                Map.of("INVENTION", new BigDecimal("3000000"), "TRADEMARK", new BigDecimal("1000000")));
    }

    @Test
    void aFittingEnterpriseIsEligibleWithAWorkedScore() {
        Match m = ProductMatching.evaluate(product(), enterprise(), TODAY);
        assertThat(m.eligible()).isTrue();
        // capacity 0.5 × 3 000 000 (inventions only: trademarks not accepted) = 1 500 000 for 2 000 000 → 37;
        // rate 30 − 50/10 = 25; preferred bank 20
        assertThat(m.score()).extracting(ProductMatching.ScorePart::points).containsExactly(37, 25, 20);
        assertThat(m.total()).isEqualTo(82);
    }

    @Test
    void everyCriterionIsReportedEvenAfterTheFirstFailure() {
        Enterprise misfit = new Enterprise("370211", "I6513", null, null, Set.of(), "BBB", 0,
                Map.of("TRADEMARK", BigDecimal.ONE));
        Match m = ProductMatching.evaluate(product(), misfit, LocalDate.of(2025, 6, 1));
        assertThat(m.eligible()).isFalse();
        assertThat(m.criteria()).extracting(Criterion::name).containsExactly("WINDOW", "DISTRICT", "INDUSTRY",
                "AMOUNT", "TERM", "COLLATERAL", "CREDIT_RATING", "INVENTION_PATENTS");
        assertThat(m.criteria()).allMatch(c -> !c.passed());
        assertThat(m.criteria().get(3).reason()).isEqualTo("no open financing demand");
        assertThat(m.criteria().get(6).reason()).isEqualTo("rating BBB below A");
        // the same reason as a message a page can say in Chinese
        assertThat(m.criteria().get(6).why().key()).isEqualTo("RATING_BELOW");
        assertThat(m.criteria().get(6).why().args()).containsExactly("BBB", "A");
        assertThat(m.criteria().get(3).why().key()).isEqualTo("NO_DEMAND");
    }

    @Test
    void mixedCollateralNeedsPatentsAndTrademarksAndCountsBoth() {
        Product mixedOnly = new Product(2, new BigDecimal("100000"), new BigDecimal("9000000"), 1, 60, 0,
                new BigDecimal("0.5"), Set.of("MIXED"), Set.of(), Set.of(), null, 0, TODAY, TODAY);
        Match both = ProductMatching.evaluate(mixedOnly, enterprise(), TODAY);
        assertThat(both.eligible()).isTrue();
        // 0.5 × (3 000 000 + 1 000 000) = 2 000 000 covers the demand fully: 50; LPR + 0 → 30; bank 2 not preferred
        assertThat(both.total()).isEqualTo(80);
        Enterprise patentsOnly = new Enterprise("370202", "C3736", new BigDecimal("2000000"), 12, Set.of(), null, 1,
                Map.of("INVENTION", BigDecimal.ZERO));
        assertThat(ProductMatching.evaluate(mixedOnly, patentsOnly, TODAY).eligible()).isFalse();
    }

    @Test
    void boundariesAreInclusive() {
        Enterprise edge = new Enterprise("370202", "C3736", new BigDecimal("5000000"), 36, Set.of(), "A", 1,
                Map.of("UTILITY_MODEL", BigDecimal.ZERO));
        Match m = ProductMatching.evaluate(product(), edge, LocalDate.of(2026, 1, 1));
        assertThat(m.eligible()).isTrue();
        assertThat(m.score().get(0).points()).as("nothing appraised: no coverage").isZero();
    }
}
