package cn.ipf.app.auth;

import cn.ipf.api.model.CurrentUser;
import cn.ipf.api.model.LoginRequest;
import cn.ipf.api.model.RefreshRequest;
import cn.ipf.api.model.Role;
import cn.ipf.api.model.TokenResponse;
import cn.ipf.api.server.AuthApi;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController implements AuthApi {

    private final SignIn signIn;
    private final TokenService tokens;
    private final UserService users;

    AuthController(SignIn signIn, TokenService tokens, UserService users) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public ResponseEntity<TokenResponse> issueToken(LoginRequest body) {
        return noStore(signIn.signIn(body.getUsername(), body.getPassword()));
    }

    @Override
    public ResponseEntity<TokenResponse> refreshToken(RefreshRequest body) {
        TokenService.RefreshOutcome outcome = tokens.refresh(body.getRefreshToken());
        if (outcome.refusal() != null) {
            throw new ApiException(outcome.refusal());
        }
        return noStore(outcome.tokens());
    }

    @Override
    public ResponseEntity<Void> logout(RefreshRequest body) {
        tokens.revoke(body.getRefreshToken());
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<CurrentUser> getCurrentUser() {
        Actor actor = CurrentActor.find().orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
        UserAccount user = users.find(Long.parseLong(actor.id()))
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED));
        return ResponseEntity.ok(new CurrentUser()
                .userId(user.id())
                .username(user.username())
                .displayName(user.displayName())
                .role(Role.fromValue(user.role().name()))
                .enterpriseId(user.enterpriseId())
                .bankId(user.bankId())
                .districtCode(user.districtCode()));
    }

    private static ResponseEntity<TokenResponse> noStore(TokenService.TokenPair pair) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TokenResponse()
                .accessToken(pair.accessToken())
                .tokenType("Bearer")
                .expiresIn(pair.expiresIn())
                .refreshToken(pair.refreshToken())
                .refreshExpiresIn(pair.refreshExpiresIn()));
    }
}
