package cn.ipf.app.matchingevent;

/** A bank's loan found by its external id: its row id and borrower. */
record LoanRef(long id, long enterpriseId) {
}
