package cn.ipf.app.user;

/**
 * The sign-in lockout an administrator may clear. Implemented by {@code auth}, which counts failed sign-ins; declared
 * here so that users depend on nothing of sign-in (sign-in builds on users, not the other way round).
 */
public interface SignInLockout {

    void unlock(UserAccount user);
}
