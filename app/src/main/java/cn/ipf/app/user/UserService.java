package cn.ipf.app.user;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.persistence.LikePattern;
import cn.ipf.app.user.policy.PasswordPolicy;
import cn.ipf.app.security.CurrentActor;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates users bound to what their role requires. */
@Service
public class UserService {

    private final UserMapper users;
    private final RegionMapper regions;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final SignInLockout signIn;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserService(UserMapper users, RegionMapper regions, PasswordEncoder passwordEncoder, AuditTrail audit,
            SignInLockout signIn, Clock clock) {
        this.signIn = signIn;
        this.users = users;
        this.regions = regions;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request to create a user; binding fields not required by the role must be null. */
    public record NewAccount(String username, String password, String displayName, Role role, Long enterpriseId,
            Long bankId, String districtCode) {
    }

    @Transactional
    public UserAccount create(NewAccount request) {
        if (!PasswordPolicy.isAcceptable(request.password())) {
            throw new ApiException(ErrorCode.PASSWORD_TOO_WEAK,
                    List.of(new FieldViolation("password", PasswordPolicy.RULE)));
        }
        checkBinding(request);
        return insert(new UserAccount(null, request.username(), passwordEncoder.encode(request.password()),
                request.displayName(), request.role(), request.enterpriseId(), request.bankId(),
                request.districtCode(), true, clock.instant()));
    }

    /**
     * The SME account of an approved self sign-up (企业自助注册): the password the applicant chose (kept only as its
     * hash, checked against the policy when submitted), bound to the enterprise when that is already registered.
     */
    @Transactional
    public UserAccount createSignedUp(String username, String passwordHash, String displayName, Long enterpriseId) {
        checkBinding(new NewAccount(username, null, displayName, Role.SME, enterpriseId, null, null));
        return insert(new UserAccount(null, username, passwordHash, displayName, Role.SME, enterpriseId, null, null,
                true, clock.instant()));
    }

    private UserAccount insert(UserAccount account) {
        GeneratedId key = new GeneratedId();
        users.insert(account, key);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("username", account.username());
        summary.put("role", account.role().name());
        summary.put("enterpriseId", account.enterpriseId());
        summary.put("bankId", account.bankId());
        summary.put("districtCode", account.districtCode());
        audit.record("USER_CREATED", "USER", key.getId(), summary);
        return users.findById(key.getId());
    }

    /** Whether an administrator exists: a deployment is bootstrapped once one does. */
    public boolean anyAdministrator() {
        return users.roleTaken(Role.ADMIN.name());
    }

    public Optional<UserAccount> find(long userId) {
        return Optional.ofNullable(users.findById(userId));
    }

    /** One page of users in id order, with the total count. */
    public record Page(List<UserAccount> users, long total) {
    }

    /**
     * One page of the users whose username or display name contains {@code text} (null: any) and who hold
     * {@code role} (null: any).
     */
    @Transactional(readOnly = true)
    public Page page(String text, Role role, long offset, int limit) {
        String like = LikePattern.literal(text);
        String roleName = role == null ? null : role.name();
        return new Page(users.page(like, roleName, offset, limit), users.count(like, roleName));
    }

    /** Clears a sign-in lockout (the counters live in Redis; the audit event in the database). */
    @Transactional
    public void unlock(long userId) {
        UserAccount user = existing(userId);
        signIn.unlock(user);
        audit.record("USER_UNLOCKED", "USER", userId, Map.of("username", user.username()));
    }

    /**
     * 停用 or enable a user's sign-in (sign-in and token refresh check it). An administrator cannot disable their own
     * account, so that someone can always enable it again. Setting the state the user has changes nothing.
     */
    @Transactional
    public UserAccount setEnabled(long userId, boolean enabled) {
        UserAccount user = existing(userId);
        if (!enabled && Long.toString(userId).equals(CurrentActor.get().id())) {
            throw new ApiException(ErrorCode.CANNOT_DISABLE_SELF);
        }
        if (user.enabled() != enabled) {
            users.setEnabled(userId, enabled);
            audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", userId,
                    Map.of("username", user.username()));
        }
        return users.findById(userId);
    }

    /** A user's new temporary password, returned once and stored as its hash. */
    public record Reset(UserAccount user, String temporaryPassword) {
    }

    /** 重置密码 replaces the user's password with a temporary one (audited without it). */
    @Transactional
    public Reset resetPassword(long userId) {
        UserAccount user = existing(userId);
        String temporary = PasswordPolicy.temporary(random);
        users.setPasswordHash(userId, passwordEncoder.encode(temporary));
        audit.record("USER_PASSWORD_RESET", "USER", userId, Map.of("username", user.username()));
        return new Reset(user, temporary);
    }

    private UserAccount existing(long userId) {
        UserAccount user = users.findById(userId);
        if (user == null) {
            throw new ApiException(ErrorCode.USER_NOT_FOUND, userId);
        }
        return user;
    }

    /** The role's binding, and a username nobody holds. */
    private void checkBinding(NewAccount r) {
        if (users.findByUsername(r.username()) != null) {
            throw new ApiException(ErrorCode.USERNAME_TAKEN, r.username());
        }
        Role.Binding binding = r.role().binding();
        List<FieldViolation> wrong = new ArrayList<>();
        // an SME user may exist before its enterprise: registering the enterprise binds it
        if (r.enterpriseId() != null && binding != Role.Binding.ENTERPRISE) {
            wrong.add(new FieldViolation("enterpriseId", "not allowed for this role"));
        }
        requireIff(wrong, "bankId", r.bankId() != null, binding == Role.Binding.BANK);
        requireIff(wrong, "districtCode", r.districtCode() != null, binding == Role.Binding.DISTRICT);
        if (!wrong.isEmpty()) {
            throw new ApiException(ErrorCode.ROLE_BINDING_INVALID, wrong, r.role().name());
        }
        if (r.enterpriseId() != null && !users.enterpriseExists(r.enterpriseId())) {
            throw new ApiException(ErrorCode.ENTERPRISE_UNKNOWN, r.enterpriseId());
        }
        if (r.bankId() != null && !users.bankExists(r.bankId())) {
            throw new ApiException(ErrorCode.BANK_UNKNOWN, r.bankId());
        }
        if (r.districtCode() != null && !regions.isDistrict(r.districtCode())) {
            throw new ApiException(ErrorCode.DISTRICT_UNKNOWN, r.districtCode());
        }
        if (r.districtCode() != null && !regions.isOpenDistrict(r.districtCode())) {
            throw new ApiException(ErrorCode.DISTRICT_RETIRED, r.districtCode());
        }
    }

    private static void requireIff(List<FieldViolation> wrong, String field, boolean present, boolean required) {
        if (present != required) {
            wrong.add(new FieldViolation(field, required ? "required for this role" : "not allowed for this role"));
        }
    }
}
