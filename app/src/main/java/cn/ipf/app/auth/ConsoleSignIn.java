package cn.ipf.app.auth;

import cn.ipf.app.security.Actor;
import cn.ipf.app.security.ConsoleAuthentication;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.UserAccount;
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

    private final SignIn signIn;

    ConsoleSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        try {
            UserAccount user = signIn.authenticate(username, password);
            return new ConsoleAuthentication(new Actor(Actor.Kind.USER, String.valueOf(user.id()), user.role().name(),
                    user.bankId(), user.enterpriseId(), user.districtCode()), user.username());
        } catch (ApiException e) {
            if (e.code() == ErrorCode.ACCOUNT_LOCKED) {
                throw new LockedException(e.code().name(), e);
            }
            if (e.code() == ErrorCode.BAD_CREDENTIALS) {
                throw new BadCredentialsException(e.code().name(), e);
            }
            throw new AuthenticationServiceException(e.code().name(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
