package cn.ipf.app.user;

import cn.ipf.api.model.NewUser;
import cn.ipf.api.model.TemporaryPassword;
import cn.ipf.api.model.User;
import cn.ipf.api.model.UserEnabledChange;
import cn.ipf.api.model.UserPage;
import cn.ipf.api.server.AdminUsersApi;
import cn.ipf.app.shared.web.Pages;
import java.net.URI;
import java.time.ZoneOffset;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminUserController implements AdminUsersApi {

    private final UserService service;

    AdminUserController(UserService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<User> createUser(NewUser body, String idempotencyKey) {
        UserAccount created = service.create(new UserService.NewAccount(body.getUsername(), body.getPassword(),
                body.getDisplayName(), Role.valueOf(body.getRole().getValue()), body.getEnterpriseId(),
                body.getBankId(), body.getDistrictCode()));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id())).body(toApi(created));
    }

    @Override
    public ResponseEntity<UserPage> listUsers(Integer page, Integer size, String q, cn.ipf.api.model.Role role) {
        Pages.Request request = Pages.request(page, size);
        UserService.Page found = service.page(q, role == null ? null : Role.valueOf(role.getValue()),
                request.offset(), request.size());
        return ResponseEntity.ok(new UserPage()
                .items(found.users().stream().map(AdminUserController::toApi).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<Void> unlockUser(Long userId, String idempotencyKey) {
        service.unlock(userId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<User> setUserEnabled(Long userId, UserEnabledChange body, String idempotencyKey) {
        return ResponseEntity.ok(toApi(service.setEnabled(userId, body.getEnabled())));
    }

    @Override
    public ResponseEntity<TemporaryPassword> resetUserPassword(Long userId, String idempotencyKey) {
        UserService.Reset reset = service.resetPassword(userId);
        // the password is in this response only: no cache may keep it
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TemporaryPassword().userId(userId).temporaryPassword(reset.temporaryPassword()));
    }

    static User toApi(UserAccount u) {
        return new User()
                .userId(u.id())
                .username(u.username())
                .displayName(u.displayName())
                .role(cn.ipf.api.model.Role.fromValue(u.role().name()))
                .enterpriseId(u.enterpriseId())
                .bankId(u.bankId())
                .districtCode(u.districtCode())
                .enabled(u.enabled())
                .createdAt(u.createdAt().atOffset(ZoneOffset.UTC));
    }
}
