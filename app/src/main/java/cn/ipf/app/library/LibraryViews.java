package cn.ipf.app.library;

import cn.ipf.api.model.AdmissionDecision;
import cn.ipf.api.model.AdmissionStatus;
import cn.ipf.api.model.Appraisal;
import cn.ipf.api.model.AssetKind;
import cn.ipf.api.model.CreditRatingView;
import cn.ipf.api.model.DishonestyRecord;
import cn.ipf.api.model.Enterprise;
import cn.ipf.api.model.FinancingDemand;
import cn.ipf.api.model.GateResult;
import cn.ipf.api.model.GeographicalIndication;
import cn.ipf.api.model.HighValueMarkers;
import cn.ipf.api.model.Patent;
import cn.ipf.api.model.PatentLegalStatus;
import cn.ipf.api.model.PatentType;
import cn.ipf.api.model.ScoreLine;
import cn.ipf.api.model.Screening;
import cn.ipf.api.model.ScreeningRuleSet;
import cn.ipf.api.model.SizeClass;
import cn.ipf.api.model.Tier;
import cn.ipf.api.model.Trademark;
import cn.ipf.app.library.policy.ScreeningResult;
import cn.ipf.app.library.policy.ScreeningRules;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Maps the library's domain records to the generated API models (one place, shared by the controllers). */
final class LibraryViews {

    private LibraryViews() {
    }

    static Enterprise enterprise(EnterpriseView v) {
        EnterpriseRecord e = v.record();
        return new Enterprise()
                .enterpriseId(e.id())
                .uscc(e.uscc())
                .name(e.name())
                .legalRepresentativeName(e.legalRepName())
                .legalRepresentativeIdMasked(v.legalRepIdMasked())
                .districtCode(e.districtCode())
                .industryCode(e.industryCode())
                .sector(v.sector().name())
                .employees(e.employees())
                .annualRevenue(e.annualRevenue())
                .totalAssets(e.totalAssets())
                .highTech(e.highTech())
                .specializedSme(e.specializedSme())
                .ipmCertificateNo(e.ipmCertNo())
                .ipmCertificateValidUntil(e.ipmCertValidUntil())
                .sizeClass(SizeClass.fromValue(v.sizeClass().name()))
                .status(AdmissionStatus.fromValue(e.status()))
                .score(e.score())
                .ruleSetVersion(e.ruleSetVersion())
                .admittedOn(e.admittedOn())
                .recommended(e.recommended())
                .reviewFlag(e.reviewFlag())
                .dishonestyListed(e.dishonestyListed())
                .hasOpenDemand(e.hasOpenDemand())
                .latestCreditRating(v.latestRating() == null ? null : rating(v.latestRating()))
                .createdAt(e.createdAt().atOffset(ZoneOffset.UTC));
    }

    static CreditRatingView rating(ReputationMapper.RatingRow r) {
        return new CreditRatingView().rating(r.rating()).source(r.source()).ratedOn(r.ratedOn());
    }

    static Patent patent(IpAssetMapper.PatentRow p, IpAssetMapper.AppraisalRow latest) {
        boolean highValue = p.hvStrategicIndustry() || p.hvForeignFamily() || p.hvLongMaintained() || p.hvAward();
        return new Patent()
                .patentId(p.id())
                .applicationNo(p.applicationNo())
                .type(PatentType.fromValue(p.patentType()))
                .title(p.title())
                .filingDate(p.filingDate())
                .grantDate(p.grantDate())
                .expiryDate(p.expiryDate())
                .legalStatus(PatentLegalStatus.fromValue(p.legalStatus()))
                .ipcMainClass(p.ipcMainClass())
                .ownerEnterpriseIds(p.ownerIds() == null ? List.of()
                        : Arrays.stream(p.ownerIds().split(",")).map(Long::valueOf).toList())
                .highValue(new HighValueMarkers()
                        .strategicEmergingIndustry(p.hvStrategicIndustry())
                        .foreignFamilyMember(p.hvForeignFamily())
                        .maintainedOverTenYears(p.hvLongMaintained())
                        .award(p.hvAward()))
                .highValueInvention(highValue && "INVENTION".equals(p.patentType())
                        && "VALID".equals(p.legalStatus()))
                .underActivePledge(p.underActivePledge())
                .everPledged(p.everPledged())
                .latestAppraisal(latest == null ? null : appraisal(latest));
    }

    static Trademark trademark(IpAssetMapper.TrademarkRow t) {
        return new Trademark().trademarkId(t.id()).registrationNo(t.registrationNo()).markName(t.markName())
                .niceClass(t.niceClass()).validUntil(t.validUntil());
    }

    static GeographicalIndication indication(IpAssetMapper.IndicationRow g) {
        return new GeographicalIndication().indicationId(g.id()).registrationNo(g.registrationNo()).name(g.name())
                .validUntil(g.validUntil());
    }

    static Appraisal appraisal(IpAssetMapper.AppraisalRow a) {
        return new Appraisal().appraisalId(a.id()).assetKind(AssetKind.fromValue(a.assetKind())).assetId(a.assetId())
                .appraisedValue(a.appraisedValue()).appraiser(a.appraiser()).reportNo(a.reportNo())
                .appraisedOn(a.appraisedOn());
    }

    static FinancingDemand demand(DemandMapper.DemandRow d) {
        return new FinancingDemand()
                .demandId(d.id())
                .amount(d.amount())
                .termMonths(d.termMonths())
                .purpose(d.purpose())
                .preferredBankIds(d.preferredBankIds() == null ? List.of()
                        : Arrays.stream(d.preferredBankIds().split(",")).map(Long::valueOf).toList())
                .neededBy(d.neededBy())
                .createdAt(d.createdAt().atOffset(ZoneOffset.UTC));
    }

    static Screening screening(int ruleSetVersion, ScreeningResult r) {
        return new Screening()
                .ruleSetVersion(ruleSetVersion)
                .gates(r.gates().stream().map(g -> new GateResult().gate(g.gate()).passed(g.passed())
                        .reason(g.reason())).toList())
                .lines(r.lines().stream().map(l -> new ScoreLine().criterion(l.criterion()).points(l.points())
                        .maxPoints(l.maxPoints()).basis(l.basis())).toList())
                .score(r.score())
                .maxScore(r.maxScore())
                .threshold(r.threshold())
                .gatesPassed(r.gatesPassed())
                .meetsThreshold(r.meetsThreshold());
    }

    static AdmissionDecision decision(AdmissionService.Decision d) {
        AdmissionMapper.DecisionRow row = d.row();
        return new AdmissionDecision()
                .decisionId(row.id())
                .enterpriseId(row.enterpriseId())
                .action(row.action())
                .fromStatus(AdmissionStatus.fromValue(row.fromStatus()))
                .toStatus(AdmissionStatus.fromValue(row.toStatus()))
                .actorUserId(row.actorUserId())
                .actorRole(row.actorRole())
                .comment(row.comment())
                .screening(screening(row.ruleSetVersion(), d.screening()))
                .decidedAt(row.decidedAt().atOffset(ZoneOffset.UTC));
    }

    static DishonestyRecord dishonesty(ReputationMapper.DishonestyRow r) {
        return new DishonestyRecord().recordId(r.id()).listedOn(r.listedOn()).delistedOn(r.delistedOn())
                .source(r.source());
    }

    /** Rules as given through the contract: 400 RULE_SET_INVALID when they are inconsistent. */
    static ScreeningRules screeningRules(cn.ipf.api.model.ScreeningRules r) {
        try {
            return new ScreeningRules(tiers(r.getInventionTiers()), tiers(r.getHighValueTiers()),
                    r.getIpmCertificationPoints(), r.getHighTechPoints(), r.getSpecializedPoints(),
                    r.getCreditRatingPoints() == null ? Map.of() : r.getCreditRatingPoints(),
                    r.getDemandCoveredPoints(), r.getDemandUncoveredPoints(), r.getDemandCoverageRatio(),
                    r.getAdmissionThreshold(), r.getDefaultLookbackYears());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.RULE_SET_INVALID, e.getMessage());
        }
    }

    private static List<ScreeningRules.Tier> tiers(List<Tier> tiers) {
        if (tiers == null) {
            return List.of();
        }
        if (tiers.stream().anyMatch(t -> t == null || t.getMinCount() == null || t.getPoints() == null)) {
            throw new IllegalArgumentException("every tier needs minCount and points");
        }
        return tiers.stream().map(t -> new ScreeningRules.Tier(t.getMinCount(), t.getPoints())).toList();
    }

    static cn.ipf.api.model.ScreeningRules screeningRules(ScreeningRules r) {
        return new cn.ipf.api.model.ScreeningRules()
                .inventionTiers(tiersOf(r.inventionTiers()))
                .highValueTiers(tiersOf(r.highValueTiers()))
                .ipmCertificationPoints(r.ipmCertificationPoints())
                .highTechPoints(r.highTechPoints())
                .specializedPoints(r.specializedPoints())
                .creditRatingPoints(r.creditRatingPoints())
                .demandCoveredPoints(r.demandCoveredPoints())
                .demandUncoveredPoints(r.demandUncoveredPoints())
                .demandCoverageRatio(r.demandCoverageRatio())
                .admissionThreshold(r.admissionThreshold())
                .defaultLookbackYears(r.defaultLookbackYears());
    }

    private static List<Tier> tiersOf(List<ScreeningRules.Tier> tiers) {
        return tiers.stream().map(t -> new Tier().minCount(t.minCount()).points(t.points())).toList();
    }

    static ScreeningRuleSet ruleSet(ScreeningService.RuleSet set) {
        return new ScreeningRuleSet().version(set.version()).effectiveFrom(set.effectiveFrom())
                .createdAt(set.createdAt().atOffset(ZoneOffset.UTC)).rules(screeningRules(set.rules()));
    }
}
