package cn.ipf.app.auth;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserMapper;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Username and password sign-in with lockout after repeated failures. */
@Service
class SignIn {

    private final UserMapper users;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts attempts;
    private final TokenService tokens;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String decoyHash;

    SignIn(UserMapper users, PasswordEncoder passwordEncoder, LoginAttempts attempts, TokenService tokens,
            AuditTrail audit, TransactionTemplate tx) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
        this.tokens = tokens;
        this.audit = audit;
        this.tx = tx;
        this.decoyHash = passwordEncoder.encode("decoy-password-never-used-1");
    }

    TokenService.TokenPair signIn(String username, String password) {
        if (attempts.isLocked(username)) {
            throw new ApiException(ErrorCode.ACCOUNT_LOCKED);
        }
        UserAccount user = users.findByUsername(username);
        boolean matches = passwordEncoder.matches(password, user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches || !user.enabled()) {
            if (attempts.recordFailure(username)) {
                tx.executeWithoutResult(status -> audit.recordAs(Actor.SYSTEM, "USER_LOCKED", "USER",
                        user == null ? "username:" + username : user.id(), Map.of("username", username)));
            }
            throw new ApiException(ErrorCode.BAD_CREDENTIALS);
        }
        attempts.reset(username);
        return tokens.signIn(user);
    }
}
