package cn.ipf.app.matching;

import cn.ipf.app.product.ProductRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
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

    /**
     * Admitted enterprises with a standing consent to the bank or to all banks that pass the filter, set-based; with
     * {@code enterpriseId} instead of a filter, that one enterprise if admitted and consenting.
     */
    List<CandidateRow> candidates(@Param("bankId") long bankId, @Param("on") LocalDate on, @Param("f") Filter filter,
            @Param("enterpriseId") Long enterpriseId);

    /** The cards of those of the enterprises that are admitted and share data with the bank. */
    List<CardRow> cards(@Param("enterpriseIds") Collection<Long> enterpriseIds, @Param("bankId") long bankId,
            @Param("on") LocalDate on);

    List<AssetRow> assets(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);
}
