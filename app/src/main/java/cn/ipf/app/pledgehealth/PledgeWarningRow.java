package cn.ipf.app.pledgehealth;

import java.time.LocalDate;

/** 质物到期预警 a deadline ahead on a pledged asset, as raised by the daily scan. */
public record PledgeWarningRow(long warningId, long enterpriseId, String registrationNo, String assetKind,
        long assetId, String assetNumber, String warningKind, LocalDate dueOn, LocalDate graceEnds) {
}
