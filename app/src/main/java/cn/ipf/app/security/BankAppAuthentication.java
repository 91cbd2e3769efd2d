package cn.ipf.app.security;

/** A bank system whose request signature was verified. */
public class BankAppAuthentication extends ActorAuthentication {

    public static final String ROLE = "BANK_APP";

    public BankAppAuthentication(String appId, long bankId) {
        super(new Actor(Actor.Kind.BANK_APP, appId, ROLE, bankId, null, null), appId);
    }
}
