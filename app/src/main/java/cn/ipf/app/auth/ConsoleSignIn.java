package cn.ipf.app.auth;

import cn.ipf.app.auth.policy.SignUpStatus;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.ConsoleAuthentication;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.UserAccount;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The console's form sign-in: the API's {@link SignIn} (same lockout, same audit), answered in Spring Security's
 * terms so the login page can say which refusal it was.
 */
@Component
public class ConsoleSignIn implements AuthenticationProvider {

    /** 企业自助注册, open to anyone: the applicant has no account yet. */
    public static final String SIGN_UP_PAGE = "/console/sign-up";

    private final SignIn signIn;
    private final SignUps signUps;

    ConsoleSignIn(SignIn signIn, SignUps signUps) {
        this.signIn = signIn;
        this.signUps = signUps;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        try {
            return authentication(signIn.authenticate(username, password));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.ACCOUNT_LOCKED) {
                throw new LockedException(e.code().name(), e);
            }
            if (e.code() == ErrorCode.BAD_CREDENTIALS) {
                // an applicant whose sign-up is not approved is told so, rather than that the password is wrong
                signUps.unapproved(username, password).ifPresent(s -> {
                    throw new SignUpNotApproved(SignUpStatus.valueOf(s.status()), s.reason());
                });
                throw new BadCredentialsException(e.code().name(), e);
            }
            throw new AuthenticationServiceException(e.code().name(), e);
        }
    }

    /** A console session's authentication for the account (form sign-in and 统一身份认证 alike). */
    static ConsoleAuthentication authentication(UserAccount user) {
        return new ConsoleAuthentication(new Actor(Actor.Kind.USER, String.valueOf(user.id()), user.role().name(),
                user.bankId(), user.enterpriseId(), user.districtCode()), user.username());
    }

    /** The credentials are those of a self sign-up still pending review, or rejected. */
    public static final class SignUpNotApproved extends AccountStatusException {

        private final SignUpStatus status;
        private final String reason;

        SignUpNotApproved(SignUpStatus status, String reason) {
            super(status.name());
            this.status = status;
            this.reason = reason;
        }

        public SignUpStatus status() {
            return status;
        }

        /** The reviewer's reason for a rejection, or null. */
        public String reason() {
            return reason;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
