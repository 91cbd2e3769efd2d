package cn.ipf.app.matching.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.consent.policy.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static ProductMatching.Match match() {
        ProductMatching.Product product = new ProductMatching.Product(1, new BigDecimal("500000"),
                new BigDecimal("5000000"), 6, 36, 50, new BigDecimal("0.5"), Set.of("INVENTION"), Set.of(),
                Set.of(), "A", 1, LocalDate.of(2026, 1, 1), null);
        ProductMatching.Enterprise enterprise = new ProductMatching.Enterprise("370202", "C3736",
                new BigDecimal("2000000"), 12, Set.of(1L), "AA", 2, Map.of("INVENTION", new BigDecimal("3000000")));
        return ProductMatching.evaluate(product, enterprise, TODAY);
    }

    @Test
    void everythingSharedChangesNothing() {
        ProductMatching.Match m = match();
        assertThat(Disclosure.redact(m, EnumSet.allOf(DataScope.class))).isEqualTo(m);
    }

    @Test
    void verdictsAndPointsStayButQuotedDataIsWithheld() {
        ProductMatching.Match m = match();
        ProductMatching.Match profileOnly = Disclosure.redact(m, EnumSet.of(DataScope.PROFILE));
        assertThat(profileOnly.criteria()).extracting(ProductMatching.Criterion::passed)
                .isEqualTo(m.criteria().stream().map(ProductMatching.Criterion::passed).toList());
        assertThat(profileOnly.score()).extracting(ProductMatching.ScorePart::points).containsExactly(37, 25, 20);
        assertThat(profileOnly.total()).isEqualTo(m.total());
        assertThat(profileOnly.criteria()).extracting(ProductMatching.Criterion::reason).containsExactly(
                "open on 2026-11-22", "district 370202 served", "industry C3736 served",
                "withheld: [FINANCING_DEMAND] not shared", "withheld: [FINANCING_DEMAND] not shared",
                "withheld: [IP_ASSETS] not shared", "withheld: [CREDIT] not shared",
                "withheld: [IP_ASSETS] not shared");
        assertThat(profileOnly.score()).extracting(ProductMatching.ScorePart::basis).containsExactly(
                "withheld: [IP_ASSETS, FINANCING_DEMAND] not shared", "from LPR + 50 bp",
                "withheld: [FINANCING_DEMAND] not shared");
        ProductMatching.Match withDemand = Disclosure.redact(m, EnumSet.of(DataScope.PROFILE,
                DataScope.FINANCING_DEMAND));
        assertThat(withDemand.score().get(0).basis()).isEqualTo("withheld: [IP_ASSETS] not shared");
        assertThat(withDemand.criteria().get(3).reason()).isEqualTo(m.criteria().get(3).reason());
        assertThat(withDemand.score().get(0).why().key()).isEqualTo("WITHHELD");
        assertThat(withDemand.score().get(0).why().args()).containsExactly("[IP_ASSETS]");
    }

    @Test
    void consentScopesDefaultToAllAndAlwaysIncludeTheProfile() {
        assertThat(DataScope.granted(null)).isEqualTo(EnumSet.allOf(DataScope.class));
        assertThat(DataScope.granted(List.of())).isEqualTo(EnumSet.allOf(DataScope.class));
        assertThat(DataScope.granted(List.of(DataScope.CREDIT))).containsExactly(DataScope.PROFILE,
                DataScope.CREDIT);
        assertThat(DataScope.parse(DataScope.column(EnumSet.of(DataScope.IP_ASSETS, DataScope.PROFILE))))
                .containsExactly(DataScope.PROFILE, DataScope.IP_ASSETS);
    }
}
