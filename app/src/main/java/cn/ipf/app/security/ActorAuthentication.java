package cn.ipf.app.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authentication that establishes an {@link Actor} itself (a verified bank signature, a console sign-in), as
 * opposed to a bearer JWT whose claims carry it; its one authority is the actor's role.
 */
public abstract class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final String principal;

    protected ActorAuthentication(Actor actor, String principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role())));
        this.actor = actor;
        this.principal = principal;
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
        return principal;
    }
}
