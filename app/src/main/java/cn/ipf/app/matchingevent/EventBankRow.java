package cn.ipf.app.matchingevent;

/** A bank invited to an event. */
record EventBankRow(long bankId, String bankName) {
}
