package cn.ipf.app.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 贷款产品 one version of a bank's IP-pledge loan product, as stored. Collateral kinds, target districts and industry
 * prefixes come as comma-separated lists (null when none).
 */
public record ProductRecord(Long id, long bankId, String productCode, int version, String status, String name,
        BigDecimal amountMin, BigDecimal amountMax, int termMonthsMin, int termMonthsMax, int spreadBpMin,
        int spreadBpMax, BigDecimal maxPledgeRate, boolean insuranceRequired, LocalDate windowStart,
        LocalDate windowEnd, String minCreditRating, int minValidInventions, Instant createdAt, String collateral,
        String districts, String industries) {

    public List<String> collateralKinds() {
        return list(collateral);
    }

    public List<String> districtCodes() {
        return list(districts);
    }

    public List<String> industryPrefixes() {
        return list(industries);
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }
}
