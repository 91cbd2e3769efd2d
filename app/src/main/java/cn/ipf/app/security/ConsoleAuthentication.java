package cn.ipf.app.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in to the web console (网上服务大厅) with a session: the same {@link Actor} a bearer token carries,
 * so the services and the access policy treat both alike.
 */
public class ConsoleAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final String username;

    public ConsoleAuthentication(Actor actor, String username) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role())));
        this.actor = actor;
        this.username = username;
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
        return username;
    }
}
