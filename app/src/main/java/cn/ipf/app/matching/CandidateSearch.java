package cn.ipf.app.matching;

import cn.ipf.app.consent.BankViewLog;
import cn.ipf.app.consent.policy.DataScope;
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
 * admission, the hard criteria, in one set-based query); {@link ProductMatching} decides and scores what remains, so
 * the rule exists once. Rankings are kept briefly ({@link CandidateRankings}); each page served is checked against
 * the standing consents and admissions. Every candidate handed out is logged for the enterprise to see.
 */
@Service
public class CandidateSearch {

    static final String WITHDRAWN = "WITHDRAWN";
    private static final List<String> PATENT_TYPES = List.of("INVENTION", "UTILITY_MODEL", "DESIGN");
    /** Bounds the IN lists of the follow-up queries. */
    private static final int ID_CHUNK = 1000;

    private final MatchingMapper mapper;
    private final BankViewLog views;
    private final CandidateRankings rankings;
    private final BusinessCalendar calendar;

    CandidateSearch(MatchingMapper mapper, BankViewLog views, CandidateRankings rankings, BusinessCalendar calendar) {
        this.mapper = mapper;
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

    /** An eligible candidate in a ranking: what ranks it, and what re-evaluates it for display. */
    record Ranked(MatchingMapper.CandidateRow row, List<MatchingMapper.KindValue> kinds, int total) {
    }

    /**
     * No transaction on purpose: the reads need no common snapshot (each page entry is re-checked on its own) and the
     * one write, the view log, is a single statement; opening and committing a transaction for every page a bank
     * reads cost a third of the search's database round trips.
     */
    Page search(long bankId, long productId, Pages.Request request) {
        // read before the product and the ranking: neither is ever newer than the version it is kept under
        String version = rankings.version(bankId);
        ProductRecord product = rankings.product(bankId, productId, version, () -> current(bankId, productId));
        LocalDate today = calendar.today();
        List<Ranked> ranked = rankings.get(new CandidateRankings.Key(bankId, product.id(), today), version,
                () -> rank(bankId, product, today));
        int from = (int) Math.min(request.offset(), ranked.size());
        List<Ranked> page = ranked.subList(from, Math.min(ranked.size(), from + request.size()));
        List<Long> ids = page.stream().map(r -> r.row().enterpriseId()).toList();
        Map<Long, MatchingMapper.CardRow> cards = cards(ids, bankId, today);
        ProductMatching.Product terms = ProductMatches.terms(product);
        List<Candidate> items = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Ranked r = page.get(i);
            MatchingMapper.CardRow card = cards.get(r.row().enterpriseId());
            if (card != null) { // still admitted, a consent still standing
                items.add(candidate(from + i + 1, card, r.row(), r.kinds(),
                        evaluate(bankId, terms, r.row(), r.kinds(), today), null));
            }
        }
        views.record(bankId, product.id(), BankViewLog.Kind.LISTED,
                items.stream().map(c -> c.card().enterpriseId()).toList());
        return new Page(product, items, ranked.size());
    }

    @Transactional
    Candidate detail(long bankId, long productId, long enterpriseId) {
        ProductRecord product = current(bankId, productId);
        LocalDate today = calendar.today();
        List<MatchingMapper.CandidateRow> rows = mapper.candidates(bankId, today, null, enterpriseId);
        MatchingMapper.CardRow card = rows.isEmpty() ? null : cards(List.of(enterpriseId), bankId, today)
                .get(enterpriseId);
        if (card == null) {
            throw new ApiException(ErrorCode.CANDIDATE_NOT_FOUND, enterpriseId);
        }
        MatchingMapper.CandidateRow row = rows.get(0);
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

    /** Runs the search: every row the query returns is decided and scored by ProductMatching; the eligible ranked. */
    private List<Ranked> rank(long bankId, ProductRecord product, LocalDate today) {
        List<MatchingMapper.CandidateRow> rows = mapper.candidates(bankId, today, filter(product), null);
        Map<Long, List<MatchingMapper.KindValue>> kinds = new HashMap<>();
        List<Long> ids = rows.stream().map(MatchingMapper.CandidateRow::enterpriseId).toList();
        for (int i = 0; i < ids.size(); i += ID_CHUNK) {
            mapper.assetValues(ids.subList(i, Math.min(ids.size(), i + ID_CHUNK)), today)
                    .forEach(k -> kinds.computeIfAbsent(k.enterpriseId(), id -> new ArrayList<>()).add(k));
        }
        ProductMatching.Product terms = ProductMatches.terms(product);
        List<Ranked> ranked = new ArrayList<>();
        for (MatchingMapper.CandidateRow row : rows) {
            List<MatchingMapper.KindValue> owned = kinds.getOrDefault(row.enterpriseId(), List.of());
            ProductMatching.Match match = evaluate(bankId, terms, row, owned, today);
            if (match.eligible()) {
                ranked.add(new Ranked(row, owned, match.total()));
            }
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> -r.total()).thenComparingLong(r -> r.row().enterpriseId()));
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
