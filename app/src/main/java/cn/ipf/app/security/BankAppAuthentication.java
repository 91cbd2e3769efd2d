package cn.ipf.app.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A bank system whose request signature was verified. */
public class BankAppAuthentication extends AbstractAuthenticationToken {

    public static final String ROLE = "BANK_APP";

    private final Actor actor;

    public BankAppAuthentication(String appId, long bankId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.actor = new Actor(Actor.Kind.BANK_APP, appId, ROLE, bankId, null, null);
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor.id();
    }
}
