package cn.ipf.app.loan.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.loan.policy.ApplicationRules.Asset;
import cn.ipf.app.loan.policy.ApplicationRules.Product;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Product product(Set<String> kinds) {
        return new Product(true, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), new BigDecimal("500000"),
                new BigDecimal("5000000"), 6, 36, kinds);
    }

    private static Asset invention() {
        return new Asset("PATENT 1", "INVENTION", true, true, false);
    }

    private static Asset trademark() {
        return new Asset("TRADEMARK 2", "TRADEMARK", true, true, false);
    }

    private static List<String> fields(List<LoanRecordRules.Violation> v) {
        return v.stream().map(LoanRecordRules.Violation::field).toList();
    }

    @Test
    void aFittingApplicationPasses() {
        assertThat(ApplicationRules.check(product(Set.of("INVENTION")), new BigDecimal("500000"), 6,
                List.of(invention()), TODAY)).isEmpty();
    }

    @Test
    void mixedCollateralTakesPatentsAndTrademarksOfferedTogether() {
        assertThat(ApplicationRules.check(product(Set.of("MIXED")), new BigDecimal("1000000"), 12,
                List.of(invention(), trademark()), TODAY)).isEmpty();
        assertThat(fields(ApplicationRules.check(product(Set.of("MIXED")), new BigDecimal("1000000"), 12,
                List.of(trademark()), TODAY))).as("a trademark alone is not mixed").containsExactly("assets[0]");
    }

    @Test
    void everyMisfitIsNamed() {
        Product closed = new Product(true, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                new BigDecimal("500000"), new BigDecimal("5000000"), 6, 36, Set.of("INVENTION"));
        assertThat(fields(ApplicationRules.check(closed, new BigDecimal("499999.99"), 37, List.of(
                invention(),
                new Asset("PATENT 3", "INVENTION", false, true, false),
                new Asset("PATENT 4", "INVENTION", true, false, false),
                new Asset("PATENT 5", "INVENTION", true, true, true),
                new Asset("PATENT 6", "UTILITY_MODEL", true, true, false),
                new Asset("PATENT 7", null, false, false, false)), TODAY)))
                .containsExactly("productId", "amount", "termMonths", "assets[1]", "assets[2]", "assets[3]",
                        "assets[4]", "assets[5]");
    }

    @Test
    void pledgesNeedOwnValidUnpledgedAssetsOfAnyKind() {
        assertThat(ApplicationRules.pledgeable(List.of(invention(), trademark()))).isEmpty();
        assertThat(fields(ApplicationRules.pledgeable(List.of(invention(),
                new Asset("PATENT 5", "INVENTION", true, true, true))))).containsExactly("assets[1]");
    }
}
