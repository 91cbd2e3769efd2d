package cn.ipf.app.library;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** 企业 an enterprise as stored, with its library entry. */
public record EnterpriseRecord(Long id, String uscc, String name, String legalRepName, String legalRepIdCipher,
        String districtCode, String industryCode, int employees, BigDecimal annualRevenue, BigDecimal totalAssets,
        boolean highTech, boolean specializedSme, String ipmCertNo, LocalDate ipmCertValidUntil, Instant createdAt,
        Instant updatedAt, String status, Integer score, Integer ruleSetVersion, Long districtApprovedBy,
        LocalDate admittedOn, boolean recommended, String reviewFlag, boolean dishonestyListed,
        boolean hasOpenDemand) {
}
