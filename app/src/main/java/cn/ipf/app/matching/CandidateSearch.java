package cn.ipf.app.matching;

import cn.ipf.app.consent.BankViewLog;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.library.MatchProfiles;
import cn.ipf.app.matching.policy.Disclosure;
import cn.ipf.app.matching.policy.ProductMatching;
import cn.ipf.app.product.ProductRecord;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 银企对接 a bank's view of the library for one of its products: the admitted enterprises that consented to share
 * with it and pass the product's hard criteria, ranked by the matching score. The database narrows (consent,
 * admission, the hard criteria on the enterprises' match profiles, {@link MatchProfiles}, in one set-based query);
 * {@link ProductMatching} decides and scores what remains, so the rule exists once. A ranking carries its candidates'
 * cards as they were when it was computed and is kept under the ranking version it was computed under
 * ({@link CandidateRankings}); a page is served from the ranking of the version the request reads, so a consent
 * revoked or an enterprise suspended before the request is never shown. Every candidate handed out is logged for the
 * enterprise to see.
 */
@Service
public class CandidateSearch {

    static final String WITHDRAWN = "WITHDRAWN";
    private static final List<String> PATENT_TYPES = List.of("INVENTION", "UTILITY_MODEL", "DESIGN");
    /** Bounds the IN lists of the follow-up queries. */
    private static final int ID_CHUNK = 1000;

    private final MatchingMapper mapper;
    private final MatchProfiles profiles;
    private final BankViewLog views;
    private final CandidateRankings rankings;
    private final BusinessCalendar calendar;

    CandidateSearch(MatchingMapper mapper, MatchProfiles profiles, BankViewLog views, CandidateRankings rankings,
            BusinessCalendar calendar) {
        this.mapper = mapper;
        this.profiles = profiles;
        this.views = views;
        this.rankings = rankings;
        this.calendar = calendar;
    }

    /**
     * One candidate as a bank may see it: the shared scopes, the card (to be shown by scope), the valid assets by
     * kind, the match with the texts the scopes allow, and the asset list (detail with IP_ASSETS only).
     */
    record Candidate(int rank, Set<DataScope> scopes, MatchingMapper.CardRow card, boolean namesBank,
            List<MatchingMapper.KindValue> kinds, ProductMatching.Match match, List<MatchingMapper.AssetRow> assets) {
    }

    record Page(ProductRecord product, List<Candidate> items, long total) {
    }

    /** An eligible enterprise before its card is read. */
    private record Scored(MatchingMapper.CandidateRow row, List<MatchingMapper.KindValue> kinds,
            ProductMatching.Match match) {
    }

    /**
     * No transaction on purpose: the page is read from the ranking of the version read first, and the one write, the
     * view log, is a single statement; opening and committing a transaction for every page a bank reads cost a third
     * of the search's database round trips.
     */
    Page search(long bankId, long productId, Pages.Request request) {
        // read before the product and the ranking: neither is ever newer than the version it is kept under
        String version = rankings.version(bankId);
        ProductRecord product = rankings.product(bankId, productId, version, () -> current(bankId, productId));
        LocalDate today = calendar.today();
        List<Candidate> ranked = rankings.get(new CandidateRankings.Key(bankId, product.id(), today), version,
                () -> rank(bankId, product, today));
        int from = (int) Math.min(request.offset(), ranked.size());
        List<Candidate> items = ranked.subList(from, Math.min(ranked.size(), from + request.size()));
        views.record(bankId, product.id(), BankViewLog.Kind.LISTED,
                items.stream().map(c -> c.card().enterpriseId()).toList());
        return new Page(product, items, ranked.size());
    }

    @Transactional
    Candidate detail(long bankId, long productId, long enterpriseId) {
        ProductRecord product = current(bankId, productId);
        LocalDate today = calendar.today();
        MatchingMapper.CandidateRow row = mapper.candidate(bankId, today, enterpriseId);
        MatchingMapper.CardRow card = row == null ? null : cards(List.of(enterpriseId), bankId, today)
                .get(enterpriseId);
        if (card == null) {
            throw new ApiException(ErrorCode.CANDIDATE_NOT_FOUND, enterpriseId);
        }
        List<MatchingMapper.KindValue> kinds = mapper.assetValues(List.of(enterpriseId), today);
        List<MatchingMapper.AssetRow> assets = DataScope.parse(card.dataScopes()).contains(DataScope.IP_ASSETS)
                ? mapper.assets(enterpriseId, today) : null;
        views.record(bankId, product.id(), BankViewLog.Kind.VIEWED, List.of(enterpriseId));
        return candidate(0, card, row, kinds, evaluate(bankId, ProductMatches.terms(product), row, kinds, today),
                assets);
    }

    /** The current version of the bank's product named by any of its versions; another bank's is 404. */
    private ProductRecord current(long bankId, long productId) {
        ProductRecord product = mapper.currentVersion(bankId, productId);
        if (product == null) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, productId);
        }
        if (WITHDRAWN.equals(product.status())) {
            throw new ApiException(ErrorCode.PRODUCT_WITHDRAWN, product.productCode());
        }
        return product;
    }

    /**
     * Runs the search on the match profiles (brought up to date for today first): every row the query returns is
     * decided and scored by ProductMatching; the eligible ranked, each as it is shown, with its card (an enterprise
     * whose consent or admission went meanwhile has none and is left out).
     */
    private List<Candidate> rank(long bankId, ProductRecord product, LocalDate today) {
        profiles.refreshStale();
        ProductMatching.Product terms = ProductMatches.terms(product);
        List<Scored> eligible = new ArrayList<>();
        for (MatchingMapper.ProfileRow profile : mapper.ranked(bankId, filter(product))) {
            MatchingMapper.CandidateRow row = profile.row();
            List<MatchingMapper.KindValue> kinds = profile.kinds();
            ProductMatching.Match match = evaluate(bankId, terms, row, kinds, today);
            if (match.eligible()) {
                eligible.add(new Scored(row, kinds, match));
            }
        }
        eligible.sort(Comparator.comparingInt((Scored r) -> -r.match().total())
                .thenComparingLong(r -> r.row().enterpriseId()));
        List<Long> ids = eligible.stream().map(r -> r.row().enterpriseId()).toList();
        Map<Long, MatchingMapper.CardRow> cards = new HashMap<>();
        for (int i = 0; i < ids.size(); i += ID_CHUNK) {
            cards.putAll(cards(ids.subList(i, Math.min(ids.size(), i + ID_CHUNK)), bankId, today));
        }
        List<Candidate> ranked = new ArrayList<>(eligible.size());
        for (Scored r : eligible) {
            MatchingMapper.CardRow card = cards.get(r.row().enterpriseId());
            if (card != null) {
                ranked.add(candidate(ranked.size() + 1, card, r.row(), r.kinds(), r.match(), null));
            }
        }
        return List.copyOf(ranked);
    }

    private static ProductMatching.Match evaluate(long bankId, ProductMatching.Product terms,
            MatchingMapper.CandidateRow r, List<MatchingMapper.KindValue> kinds, LocalDate today) {
        return ProductMatching.evaluate(terms, new ProductMatching.Enterprise(r.districtCode(), r.industryCode(),
                r.demandAmount(), r.demandTermMonths(), r.namesBank() ? Set.of(bankId) : Set.of(), r.creditRating(),
                r.validInventions(), ProductMatches.values(kinds)), today);
    }

    private Map<Long, MatchingMapper.CardRow> cards(List<Long> ids, long bankId, LocalDate today) {
        return ids.isEmpty() ? Map.of() : mapper.cards(ids, bankId, today).stream()
                .collect(Collectors.toMap(MatchingMapper.CardRow::enterpriseId, Function.identity()));
    }

    private static Candidate candidate(int rank, MatchingMapper.CardRow card, MatchingMapper.CandidateRow row,
            List<MatchingMapper.KindValue> kinds, ProductMatching.Match match, List<MatchingMapper.AssetRow> assets) {
        Set<DataScope> scopes = DataScope.parse(card.dataScopes());
        return new Candidate(rank, scopes, card, row.namesBank(), kinds, Disclosure.redact(match, scopes), assets);
    }

    /** The product's hard criteria for the query; MIXED is patents and trademarks together. */
    static MatchingMapper.Filter filter(ProductRecord p) {
        List<String> kinds = p.collateralKinds();
        List<String> ratings = p.minCreditRating() == null ? List.of()
                : ProductMatching.RATINGS.subList(0, ProductMatching.RATINGS.indexOf(p.minCreditRating()) + 1);
        return new MatchingMapper.Filter(p.amountMin(), p.amountMax(), p.termMonthsMin(), p.termMonthsMax(),
                p.districtCodes(), p.industryPrefixes(), ratings, p.minValidInventions(),
                PATENT_TYPES.stream().filter(kinds::contains).toList(), kinds.contains("TRADEMARK"),
                kinds.contains("GEOGRAPHICAL_INDICATION"), kinds.contains("MIXED"));
    }
}
