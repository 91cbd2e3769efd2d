package cn.ipf.app.whitelist;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An enterprise's library data as a whitelist entry draws from it, with its library status. */
public record EnterpriseFacts(long enterpriseId, String uscc, String name, String legalRepName, String districtCode,
        String industryCode, int employees, BigDecimal annualRevenue, BigDecimal totalAssets, boolean highTech,
        boolean specializedSme, String status, LocalDate admittedOn, boolean recommended, String rating,
        String ratingSource, LocalDate ratedOn, BigDecimal demandAmount, Integer demandTermMonths,
        String demandPurpose, int validInventions, int validUtilityModels, int validDesigns, int validTrademarks) {
}
