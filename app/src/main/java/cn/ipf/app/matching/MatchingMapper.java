package cn.ipf.app.matching;

import cn.ipf.app.product.ProductRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MatchingMapper {

    /** What matching needs to know about an enterprise on a date (beyond its profile). */
    record Profile(BigDecimal demandAmount, Integer demandTermMonths, String preferredBankIds, String creditRating,
            int validInventions) {
    }

    /** How many pledgeable assets (valid, under no active pledge) of one kind an enterprise owns and their value. */
    record KindValue(long enterpriseId, String kind, int assets, BigDecimal assetValue) {
    }

    /**
     * 候选企业 what matching needs of a candidate for one bank: the profile criteria, its open demand and whether that
     * names the bank, its latest rating and valid invention count.
     */
    record CandidateRow(long enterpriseId, String districtCode, String industryCode, BigDecimal demandAmount,
            Integer demandTermMonths, boolean namesBank, String creditRating, int validInventions) {
    }

    /**
     * A candidate's match profile (library.MatchProfiles) as one bank sees it: the candidate row, and per kind the
     * pledgeable assets and their appraised values.
     */
    record ProfileRow(long enterpriseId, String districtCode, String industryCode, BigDecimal demandAmount,
            Integer demandTermMonths, boolean namesBank, String creditRating, int validInventions,
            int inventionAssets, BigDecimal inventionValue, int utilityModelAssets, BigDecimal utilityModelValue,
            int designAssets, BigDecimal designValue, int trademarkAssets, BigDecimal trademarkValue,
            int indicationAssets, BigDecimal indicationValue) {

        CandidateRow row() {
            return new CandidateRow(enterpriseId, districtCode, industryCode, demandAmount, demandTermMonths,
                    namesBank, creditRating, validInventions);
        }

        /** The kinds owned, as {@link #assetValues} lists them. */
        List<KindValue> kinds() {
            List<KindValue> kinds = new ArrayList<>(5);
            add(kinds, "DESIGN", designAssets, designValue);
            add(kinds, "INVENTION", inventionAssets, inventionValue);
            add(kinds, "UTILITY_MODEL", utilityModelAssets, utilityModelValue);
            add(kinds, "TRADEMARK", trademarkAssets, trademarkValue);
            add(kinds, "GEOGRAPHICAL_INDICATION", indicationAssets, indicationValue);
            return List.copyOf(kinds);
        }

        private void add(List<KindValue> kinds, String kind, int assets, BigDecimal value) {
            if (assets > 0) {
                kinds.add(new KindValue(enterpriseId, kind, assets, value));
            }
        }
    }

    /** The product's hard criteria, as the candidate query applies them; nulls and empty lists mean no limit. */
    record Filter(BigDecimal amountMin, BigDecimal amountMax, int termMonthsMin, int termMonthsMax,
            List<String> districts, List<String> industryPrefixes, List<String> ratings, int minValidInventions,
            List<String> patentTypes, boolean trademark, boolean geographicalIndication, boolean mixed) {
    }

    /**
     * A candidate's data as shown to a bank; dataScopes concatenates the scopes of the standing consents covering the
     * bank (what is shown is their union).
     */
    record CardRow(long enterpriseId, String uscc, String name, String legalRepName, String districtCode,
            String industryCode, int employees, BigDecimal annualRevenue, BigDecimal totalAssets, boolean highTech,
            boolean specializedSme, LocalDate admittedOn, String rating, String ratingSource, LocalDate ratedOn,
            BigDecimal demandAmount, Integer demandTermMonths, String demandPurpose, LocalDate demandNeededBy,
            String dataScopes) {
    }

    /** One valid asset with its latest appraisal. */
    record AssetRow(long enterpriseId, String kind, long assetId, String number, String name, LocalDate validUntil,
            BigDecimal appraisedValue) {
    }

    Profile profile(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);

    /** Per enterprise, one row per kind it owns a pledgeable asset of, with the latest appraised values summed. */
    List<KindValue> assetValues(@Param("enterpriseIds") Collection<Long> enterpriseIds, @Param("on") LocalDate on);

    List<ProductRecord> activeProducts();

    /** The current version of the bank's product that the given version belongs to; null if not the bank's. */
    ProductRecord currentVersion(@Param("bankId") long bankId, @Param("productId") long productId);

    /** The enterprise as a candidate of the bank, if admitted and consenting; null otherwise. */
    CandidateRow candidate(@Param("bankId") long bankId, @Param("on") LocalDate on,
            @Param("enterpriseId") long enterpriseId);

    /**
     * Admitted enterprises with a standing consent to the bank or to all banks whose match profile passes the
     * filter, set-based.
     */
    List<ProfileRow> ranked(@Param("bankId") long bankId, @Param("f") Filter filter);

    /** The version of the bank's rankings: the all-banks counter and the bank's, "0/0" before any change. */
    String rankingVersion(@Param("bankId") long bankId);

    /** Bumps a counter: 0 for every bank, else a bank's id. */
    void bumpRankingVersion(@Param("bankScope") long bankScope);

    /** The cards of those of the enterprises that are admitted and share data with the bank. */
    List<CardRow> cards(@Param("enterpriseIds") Collection<Long> enterpriseIds, @Param("bankId") long bankId,
            @Param("on") LocalDate on);

    List<AssetRow> assets(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);
}
