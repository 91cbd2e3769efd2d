package cn.ipf.app.security;

/**
 * A person signed in to the web console (网上服务大厅) with a session: the same {@link Actor} a bearer token carries,
 * so the services and the access policy treat both alike.
 */
public class ConsoleAuthentication extends ActorAuthentication {

    public ConsoleAuthentication(Actor actor, String username) {
        super(actor, username);
    }
}
