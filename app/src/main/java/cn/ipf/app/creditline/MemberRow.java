package cn.ipf.app.creditline;

import java.math.BigDecimal;

/** A member of a credit line: its sub-limit and what it has drawn. */
record MemberRow(long enterpriseId, String enterpriseName, BigDecimal subLimit, BigDecimal drawn) {
}
