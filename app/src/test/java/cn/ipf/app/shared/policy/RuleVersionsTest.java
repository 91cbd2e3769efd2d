package cn.ipf.app.shared.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.policy.FieldChange.Kind;
import cn.ipf.app.shared.policy.FieldChange.Part;
import cn.ipf.app.shared.policy.RuleVersions.Standing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuleVersionsTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2025, 7, 1);

    @Test
    void theVersionInForceIsTheLatestStartedOneAndBeforeAnyStartsTheFirst() {
        List<LocalDate> versions = List.of(JUL, JAN, LocalDate.of(2026, 1, 1));
        assertThat(RuleVersions.comparedWith(versions, d -> d, LocalDate.of(2025, 8, 1))).isEqualTo(JUL);
        assertThat(RuleVersions.comparedWith(versions, d -> d, LocalDate.of(2024, 8, 1))).isEqualTo(JAN);
        assertThat(RuleVersions.comparedWith(List.<LocalDate>of(), d -> d, JAN)).isNull();
        LocalDate today = LocalDate.of(2025, 8, 1);
        assertThat(versions.stream().map(v -> RuleVersions.standing(v, JUL, d -> d, today)))
                .containsExactly(Standing.IN_FORCE, Standing.SUPERSEDED, Standing.SCHEDULED);
    }

    @Test
    void keyedEntriesAreComparedPartByPartAndAMissingEntryIsNull() {
        record Layer(String name, BigDecimal share) {
        }
        Map<String, Layer> before = new LinkedHashMap<>();
        before.put("FUND", new Layer("资金", new BigDecimal("0.6")));
        before.put("BANK", new Layer("银行", new BigDecimal("0.4")));
        Map<String, Layer> after = new LinkedHashMap<>();
        after.put("BANK", new Layer("银行", new BigDecimal("0.30")));
        after.put("FUND", new Layer("资金", new BigDecimal("0.60")));
        after.put("INSURER", new Layer("保险", new BigDecimal("0.10")));
        List<FieldChange> changes = FieldChange.entries(before, after, List.of(
                new Part<>("name", Kind.TEXT, Layer::name), new Part<>("share", Kind.SHARE, Layer::share)));

        assertThat(changes).extracting(c -> c.item() + "." + c.field()).containsExactly("FUND.name", "FUND.share",
                "BANK.name", "BANK.share", "INSURER.name", "INSURER.share");
        assertThat(changes).filteredOn(FieldChange::changed).extracting(c -> c.item() + "." + c.field())
                .containsExactly("BANK.share", "INSURER.name", "INSURER.share");
        assertThat(changes.get(4).before()).isNull();

        // a sorted map keeps its order, whichever side an entry comes from
        List<FieldChange> tiers = FieldChange.entries(new TreeMap<>(Map.of(1, 10, 5, 30)),
                new TreeMap<>(Map.of(1, 10, 2, 20, 5, 30)), List.of(new Part<Integer>("points", Kind.POINTS, p -> p)));
        assertThat(tiers).extracting(FieldChange::item).containsExactly("1", "2", "5");
    }
}
