package cn.ipf.app.disposal;

import java.time.LocalDate;

/**
 * 质物处置案件 a row of {@code disposal_case} with the bank's id of its loan and the asset's number and title (patent
 * application number, trademark registration number and name) as people read them.
 */
record DisposalCaseRow(long id, long loanId, String loanRef, long bankId, String externalId, String assetKind,
        long assetId, String method, LocalDate openedOn, LocalDate closedOn, String assetNumber, String assetTitle) {
}
