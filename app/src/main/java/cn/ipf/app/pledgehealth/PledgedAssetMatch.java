package cn.ipf.app.pledgehealth;

import java.math.BigDecimal;

/** An asset under a pledge registration that is not cancelled, with the loan it secures. */
public record PledgedAssetMatch(long assetId, long registrationId, String registrationNo, BigDecimal securedAmount,
        long loanId, String loanRef, long bankId, long enterpriseId) {
}
