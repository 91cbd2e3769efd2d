package cn.ipf.app.user;

/** The roles of people using the platform, and what each must be bound to. */
public enum Role {
    /** An enterprise's own user, bound to that enterprise (once it is registered). */
    SME(Binding.ENTERPRISE),
    /** A partner bank's officer, bound to the bank. */
    BANK_OFFICER(Binding.BANK),
    /** 区级审核 district reviewer, bound to one district. */
    DISTRICT_REVIEWER(Binding.DISTRICT),
    /** 市级审核 city reviewer: the second approval level. */
    CITY_REVIEWER(Binding.NONE),
    /** 监管 regulator: read-only, city-wide. */
    REGULATOR(Binding.NONE),
    ADMIN(Binding.NONE);

    /** What a user of a role is bound to. */
    public enum Binding { NONE, ENTERPRISE, BANK, DISTRICT }

    private final Binding binding;

    Role(Binding binding) {
        this.binding = binding;
    }

    public Binding binding() {
        return binding;
    }
}
