package cn.ipf.app.matching;

import cn.ipf.api.model.Candidate;
import cn.ipf.api.model.CandidateAsset;
import cn.ipf.api.model.CandidateAssets;
import cn.ipf.api.model.CandidateDemand;
import cn.ipf.api.model.CandidateFinancials;
import cn.ipf.api.model.CandidateMatch;
import cn.ipf.api.model.CandidatePage;
import cn.ipf.api.model.CandidateProfile;
import cn.ipf.api.model.CreditRatingView;
import cn.ipf.api.model.MatchCriterion;
import cn.ipf.api.model.MatchScorePart;
import cn.ipf.api.server.BankCandidatesApi;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankCandidateController implements BankCandidatesApi {

    private final CandidateSearch search;

    BankCandidateController(CandidateSearch search) {
        this.search = search;
    }

    @Override
    public ResponseEntity<CandidatePage> searchCandidates(Long productId, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        CandidateSearch.Page result = search.search(bankId(), productId, request);
        return ResponseEntity.ok(new CandidatePage()
                .productId(result.product().id())
                .productCode(result.product().productCode())
                .version(result.product().version())
                .items(result.items().stream().map(BankCandidateController::toApi).toList())
                .page(request.meta(result.total())));
    }

    @Override
    public ResponseEntity<Candidate> getCandidate(Long productId, Long enterpriseId) {
        return ResponseEntity.ok(toApi(search.detail(bankId(), productId, enterpriseId)));
    }

    private static long bankId() {
        return CurrentActor.get().bankId();
    }

    /** Only what the shared scopes cover; PROFILE always (the console shows this same view). */
    static Candidate toApi(CandidateSearch.Candidate c) {
        MatchingMapper.CardRow e = c.card();
        Set<DataScope> scopes = c.scopes();
        Candidate api = new Candidate()
                .enterpriseId(e.enterpriseId())
                .rank(c.rank() == 0 ? null : c.rank())
                .sharedScopes(scopes.stream().map(s -> cn.ipf.api.model.DataScope.fromValue(s.name())).toList())
                .profile(new CandidateProfile()
                        .name(e.name())
                        .uscc(e.uscc())
                        .districtCode(e.districtCode())
                        .industryCode(e.industryCode())
                        .sizeClass(SizeClassifier.classify(Sector.of(e.industryCode()), e.employees(),
                                e.annualRevenue(), e.totalAssets()).name())
                        .highTech(e.highTech())
                        .specializedSme(e.specializedSme())
                        .admittedOn(e.admittedOn()))
                .match(new CandidateMatch()
                        .eligible(c.match().eligible())
                        .criteria(c.match().criteria().stream().map(m -> new MatchCriterion().name(m.name())
                                .passed(m.passed()).reason(m.reason())).toList())
                        .score(c.match().score().stream().map(s -> new MatchScorePart().name(s.name())
                                .points(s.points()).maxPoints(s.maxPoints()).basis(s.basis())).toList())
                        .total(c.match().total()));
        if (scopes.contains(DataScope.FINANCIALS)) {
            api.financials(new CandidateFinancials().employees(e.employees()).annualRevenue(e.annualRevenue())
                    .totalAssets(e.totalAssets()));
        }
        if (scopes.contains(DataScope.LEGAL_REPRESENTATIVE)) {
            api.legalRepresentativeName(e.legalRepName());
        }
        if (scopes.contains(DataScope.CREDIT) && e.rating() != null) {
            api.creditRating(new CreditRatingView().rating(e.rating()).source(e.ratingSource())
                    .ratedOn(e.ratedOn()));
        }
        if (scopes.contains(DataScope.FINANCING_DEMAND) && e.demandAmount() != null) {
            api.financingDemand(new CandidateDemand().amount(e.demandAmount()).termMonths(e.demandTermMonths())
                    .purpose(e.demandPurpose()).neededBy(e.demandNeededBy()).namesThisBank(c.namesBank()));
        }
        if (scopes.contains(DataScope.IP_ASSETS)) {
            api.ipAssets(assets(c.kinds(), c.assets()));
        }
        return api;
    }

    private static CandidateAssets assets(List<MatchingMapper.KindValue> kinds, List<MatchingMapper.AssetRow> list) {
        CandidateAssets assets = new CandidateAssets()
                .validInventions(count(kinds, "INVENTION"))
                .validUtilityModels(count(kinds, "UTILITY_MODEL"))
                .validDesigns(count(kinds, "DESIGN"))
                .validTrademarks(count(kinds, "TRADEMARK"))
                .validGeographicalIndications(count(kinds, "GEOGRAPHICAL_INDICATION"))
                .appraisedValue(kinds.stream().map(MatchingMapper.KindValue::assetValue)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        if (list != null) {
            assets.assets(list.stream().map(a -> new CandidateAsset().kind(a.kind()).assetId(a.assetId())
                    .number(a.number()).name(a.name()).validUntil(a.validUntil())
                    .appraisedValue(a.appraisedValue())).toList());
        }
        return assets;
    }

    private static int count(List<MatchingMapper.KindValue> kinds, String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).mapToInt(MatchingMapper.KindValue::assets).sum();
    }
}
