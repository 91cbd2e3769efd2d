package cn.ipf.app.library;

import cn.ipf.api.model.NewScreeningRuleSet;
import cn.ipf.api.model.ScreeningRuleSet;
import cn.ipf.api.server.AdminLibraryApi;
import cn.ipf.app.library.policy.ScreeningRules;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScreeningRuleSetController implements AdminLibraryApi {

    private final ScreeningService screening;

    ScreeningRuleSetController(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public ResponseEntity<List<ScreeningRuleSet>> listScreeningRuleSets() {
        return ResponseEntity.ok(screening.ruleSets().stream().map(ScreeningRuleSetController::toApi).toList());
    }

    @Override
    public ResponseEntity<ScreeningRuleSet> createScreeningRuleSet(NewScreeningRuleSet body, String idempotencyKey) {
        cn.ipf.api.model.ScreeningRules r = body.getRules();
        ScreeningRules rules;
        try {
            rules = new ScreeningRules(tiers(r.getInventionTiers()), tiers(r.getHighValueTiers()),
                    r.getIpmCertificationPoints(), r.getHighTechPoints(), r.getSpecializedPoints(),
                    r.getCreditRatingPoints() == null ? Map.of() : r.getCreditRatingPoints(),
                    r.getDemandCoveredPoints(), r.getDemandUncoveredPoints(), r.getDemandCoverageRatio(),
                    r.getAdmissionThreshold(), r.getDefaultLookbackYears());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.RULE_SET_INVALID, e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(toApi(screening.createRuleSet(body.getEffectiveFrom(), rules)));
    }

    private static List<ScreeningRules.Tier> tiers(List<cn.ipf.api.model.Tier> tiers) {
        if (tiers == null) {
            return List.of();
        }
        if (tiers.stream().anyMatch(t -> t == null || t.getMinCount() == null || t.getPoints() == null)) {
            throw new IllegalArgumentException("every tier needs minCount and points");
        }
        return tiers.stream().map(t -> new ScreeningRules.Tier(t.getMinCount(), t.getPoints())).toList();
    }

    private static ScreeningRuleSet toApi(ScreeningService.RuleSet set) {
        ScreeningRules r = set.rules();
        return new ScreeningRuleSet()
                .version(set.version())
                .effectiveFrom(set.effectiveFrom())
                .createdAt(set.createdAt().atOffset(ZoneOffset.UTC))
                .rules(new cn.ipf.api.model.ScreeningRules()
                        .inventionTiers(r.inventionTiers().stream().map(t -> new cn.ipf.api.model.Tier()
                                .minCount(t.minCount()).points(t.points())).toList())
                        .highValueTiers(r.highValueTiers().stream().map(t -> new cn.ipf.api.model.Tier()
                                .minCount(t.minCount()).points(t.points())).toList())
                        .ipmCertificationPoints(r.ipmCertificationPoints())
                        .highTechPoints(r.highTechPoints())
                        .specializedPoints(r.specializedPoints())
                        .creditRatingPoints(r.creditRatingPoints())
                        .demandCoveredPoints(r.demandCoveredPoints())
                        .demandUncoveredPoints(r.demandUncoveredPoints())
                        .demandCoverageRatio(r.demandCoverageRatio())
                        .admissionThreshold(r.admissionThreshold())
                        .defaultLookbackYears(r.defaultLookbackYears()));
    }
}
