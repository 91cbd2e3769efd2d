package cn.ipf.app.compensation.policy;

import cn.ipf.app.shared.policy.FieldChange;
import cn.ipf.app.shared.policy.FieldChange.Kind;
import cn.ipf.app.shared.policy.FieldChange.Part;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 规则对比 a programme's rules, as in force and as proposed in a new version, field by field: the layers by their code
 * (name, kind and share each), then the caps, days and supervision targets.
 */
public final class CompensationRuleChanges {

    private static final List<Part<Layer>> LAYER = List.of(
            new Part<>("layer.name", Kind.TEXT, Layer::name),
            new Part<>("layer.kind", Kind.LABEL, l -> "compensation.layerKind." + l.kind().name()),
            new Part<>("layer.share", Kind.SHARE, Layer::share));

    private CompensationRuleChanges() {
    }

    /** Every field of a version, in the form's order; {@code before} is null when nothing is in force. */
    public static List<FieldChange> between(LocalDate fromBefore, CompensationRules before, LocalDate fromAfter,
            CompensationRules after) {
        List<FieldChange> changes = new ArrayList<>(List.of(
                new FieldChange("effectiveFrom", Kind.DATE, fromBefore, fromAfter)));
        changes.addAll(FieldChange.entries(before == null ? Map.of() : byCode(before.layers()),
                byCode(after.layers()), LAYER));
        changes.addAll(List.of(
                FieldChange.of("fundCapPerLoan", Kind.MONEY, before, after, CompensationRules::fundCapPerLoan),
                FieldChange.of("overdueDays", Kind.COUNT, before, after, CompensationRules::overdueDays),
                FieldChange.of("filingWindowDays", Kind.COUNT, before, after, CompensationRules::filingWindowDays),
                FieldChange.of("leverageTarget", Kind.TIMES, before, after, CompensationRules::leverageTarget),
                FieldChange.of("nplTolerancePp", Kind.PERCENTAGE_POINTS, before, after,
                        CompensationRules::nplTolerancePp)));
        return changes;
    }

    private static Map<String, Layer> byCode(List<Layer> layers) {
        Map<String, Layer> byCode = new LinkedHashMap<>();
        layers.forEach(l -> byCode.put(l.code(), l));
        return byCode;
    }
}
