package cn.ipf.app.auth;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.SignInLockout;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserMapper;
import cn.ipf.sdk.signing.IpfSignature;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Username and password sign-in with lockout after repeated failures (API tokens and console sessions). */
@Service
public class SignIn implements SignInLockout {

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
        return tokens.signIn(authenticate(username, password));
    }

    /**
     * The account behind a username and password, for the API's tokens and the console's session alike: refused
     * with ACCOUNT_LOCKED while locked, BAD_CREDENTIALS otherwise (each failure counts towards the lockout).
     */
    UserAccount authenticate(String username, String password) {
        UserAccount user = users.findByUsername(username);
        // the database compares usernames case- and width-insensitively; the lockout must count per account, not
        // per spelling, or "ADMIN" and "admin " would each get five more tries
        String lockKey = lockKey(user, username);
        if (attempts.isLocked(lockKey)) {
            throw new ApiException(ErrorCode.ACCOUNT_LOCKED);
        }
        boolean matches = fitsBcrypt(password)
                && passwordEncoder.matches(password, user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches || !user.enabled()) {
            if (attempts.recordFailure(lockKey)) {
                // the attempted name of an unknown account is not kept: it is often a mistyped password
                tx.executeWithoutResult(status -> audit.recordAs(Actor.SYSTEM, "USER_LOCKED", "USER",
                        user == null ? "unknown:" + IpfSignature.sha256Hex(lockKey.getBytes(StandardCharsets.UTF_8))
                                .substring(0, 16) : user.id(), Map.of()));
            }
            throw new ApiException(ErrorCode.BAD_CREDENTIALS);
        }
        attempts.reset(lockKey);
        return user;
    }

    /** Unlocks an account (administrators). */
    @Override
    public void unlock(UserAccount user) {
        attempts.unlock(lockKey(user, user.username()));
    }

    /** The account's own stored name when it exists (ids are reused when a database is rebuilt; names are not). */
    private static String lockKey(UserAccount user, String presented) {
        return user != null ? "user:" + canonical(user.username()) : "name:" + canonical(presented);
    }

    static String canonical(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** BCrypt reads at most 72 bytes; longer input is refused rather than silently truncated. */
    private static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= 72;
    }
}
