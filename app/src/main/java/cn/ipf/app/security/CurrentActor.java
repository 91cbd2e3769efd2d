package cn.ipf.app.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Actor} of the current request from the security context. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication established) {
            return Optional.of(established.actor());
        }
        if (auth instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return Optional.of(new Actor(Actor.Kind.USER, jwt.getSubject(), jwt.getClaimAsString(TokenClaims.ROLE),
                    longClaim(jwt, TokenClaims.BANK_ID), longClaim(jwt, TokenClaims.ENTERPRISE_ID),
                    jwt.getClaimAsString(TokenClaims.DISTRICT_CODE)));
        }
        return Optional.empty();
    }

    /** The actor, or SYSTEM when nothing is authenticated (jobs, start-up). */
    public static Actor get() {
        return find().orElse(Actor.SYSTEM);
    }

    private static Long longClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        return value instanceof Number n ? n.longValue() : null;
    }
}
