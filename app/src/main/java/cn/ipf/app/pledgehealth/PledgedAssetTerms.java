package cn.ipf.app.pledgehealth;

import java.time.LocalDate;

/**
 * An asset under a pledge registration not cancelled, with what its deadlines are computed from: a patent's type
 * and filing date, or a trademark's end of registration ({@code validUntil}).
 */
public record PledgedAssetTerms(String assetKind, long assetId, String assetNumber, String patentType,
        LocalDate filingDate, LocalDate validUntil, long registrationId, String registrationNo, String loanRef,
        long bankId, long enterpriseId) {
}
