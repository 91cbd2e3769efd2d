package cn.ipf.app.matchingevent;

import java.math.BigDecimal;

/** 成效 an event's outcome: enterprises invited and served, intentions, credit granted, loans and their principal. */
record OutcomeRow(int enterprisesInvited, int enterprisesServed, int intentions, BigDecimal creditGranted, int loans,
        BigDecimal loanAmount) {
}
