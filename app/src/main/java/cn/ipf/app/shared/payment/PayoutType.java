package cn.ipf.app.shared.payment;

/** What a payment batch line pays: a subsidy claim (SC + id) or a compensation payout to a bank (CC + id). */
public enum PayoutType {
    SUBSIDY("SC"), COMPENSATION("CC");

    private final String prefix;

    PayoutType(String prefix) {
        this.prefix = prefix;
    }

    /** The claim's reference on the bank's file and in its result file. */
    public String reference(long claimId) {
        return prefix + claimId;
    }
}
