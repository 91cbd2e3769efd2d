package cn.ipf.app.loan;

/** A count of a bank's applications, with the bank's name. */
record BankCountRow(long bankId, String bankName, int count) {
}
