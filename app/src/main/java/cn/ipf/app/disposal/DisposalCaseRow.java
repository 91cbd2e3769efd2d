package cn.ipf.app.disposal;

import java.time.LocalDate;

/** 质物处置案件 a row of {@code disposal_case} with the bank's id of its loan. */
record DisposalCaseRow(long id, long loanId, String loanRef, long bankId, String externalId, String assetKind,
        long assetId, String method, LocalDate openedOn, LocalDate closedOn) {
}
