package cn.ipf.app.auth;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.auth.policy.SignUpStatus;
import cn.ipf.app.library.ConfirmedIdentities;
import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserService;
import cn.ipf.app.user.policy.PasswordPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业自助注册 an SME manager signs up with the enterprise's USCC; the district reviewer of the enterprise's district
 * (any district reviewer while the district is unknown) approves, which creates the SME account bound to the
 * enterprise once that is registered, or rejects with a reason. Until approval nothing but the sign-up exists, so a
 * pending or rejected sign-up cannot sign in.
 */
@Service
public class SignUps implements ConfirmedIdentities {

    private final SignUpMapper signUps;
    private final RegionMapper regions;
    private final UserService users;
    private final AccessPolicy access;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    SignUps(SignUpMapper signUps, RegionMapper regions, UserService users, AccessPolicy access,
            PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock) {
        this.signUps = signUps;
        this.regions = regions;
        this.users = users;
        this.access = access;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the applicant states; {@code districtCode} may be null (unknown). */
    public record Application(String uscc, String enterpriseName, String contactName, String phone, String email,
            String username, String password, String districtCode) {
    }

    /**
     * Records a pending sign-up and answers its id; the same form key again answers the first one's id (a double
     * submit signs up once).
     */
    @Transactional
    public long submit(String formKey, Application a) {
        SignUpRecord earlier = signUps.findByFormKey(formKey);
        if (earlier != null) {
            return earlier.id();
        }
        String uscc = a.uscc().strip().toUpperCase(java.util.Locale.ROOT);
        if (!Uscc.isValid(uscc)) {
            throw new ApiException(ErrorCode.USCC_INVALID, a.uscc());
        }
        if (signUps.pendingFor(uscc)) {
            throw new ApiException(ErrorCode.SIGN_UP_PENDING, uscc);
        }
        if (signUps.accountFor(uscc)) {
            throw new ApiException(ErrorCode.SIGN_UP_ACCOUNT_EXISTS, uscc);
        }
        if (signUps.usernameTaken(a.username())) {
            throw new ApiException(ErrorCode.USERNAME_TAKEN, a.username());
        }
        if (!PasswordPolicy.isAcceptable(a.password())) {
            throw new ApiException(ErrorCode.PASSWORD_TOO_WEAK);
        }
        // a registered enterprise is reviewed in its own district, whatever the applicant chose
        SignUpMapper.EnterpriseRef known = signUps.enterprise(uscc);
        String district = known != null ? known.districtCode() : a.districtCode();
        if (known == null && district != null && !regions.isOpenDistrict(district)) {
            throw new ApiException(ErrorCode.DISTRICT_UNKNOWN, district);
        }
        SignUpRecord record = new SignUpRecord(null, formKey, uscc, a.enterpriseName().strip(),
                a.contactName().strip(), a.phone().strip(), a.email().strip(), a.username(),
                passwordEncoder.encode(a.password()), district, known == null ? null : known.id(),
                SignUpStatus.PENDING.name(), null, null, null, null, clock.instant());
        GeneratedId key = new GeneratedId();
        try {
            signUps.insert(record, key);
        } catch (DuplicateKeyException concurrent) {
            // a concurrent submit of the same form, USCC or username got there first
            SignUpRecord same = signUps.findByFormKey(formKey);
            if (same != null) {
                return same.id();
            }
            throw signUps.pendingFor(uscc) ? new ApiException(ErrorCode.SIGN_UP_PENDING, uscc)
                    : new ApiException(ErrorCode.USERNAME_TAKEN, a.username());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("uscc", uscc);
        summary.put("username", a.username());
        summary.put("districtCode", district);
        // nobody is signed in yet: the platform records it
        audit.recordAs(Actor.SYSTEM, "SIGN_UP_SUBMITTED", "SIGN_UP", key.getId(), summary);
        return key.getId();
    }

    /** The sign-up made with a form key (its applicant's receipt). */
    public Optional<SignUpRecord> submitted(String formKey) {
        return Optional.ofNullable(signUps.findByFormKey(formKey));
    }

    /** The pending sign-ups the calling reviewer decides. */
    public List<SignUpRecord> pending() {
        Caller caller = access.caller();
        access.require(caller, Permission.REVIEW_SIGN_UPS);
        return signUps.pending(access.visibleDistrict(caller));
    }

    public long countPending(Caller caller) {
        return signUps.countPending(access.visibleDistrict(caller));
    }

    /** Approves: creates the SME account (bound to the enterprise when registered by then). */
    @Transactional
    public UserAccount approve(long id) {
        Caller caller = access.caller();
        SignUpRecord s = pendingVisible(caller, id);
        if (signUps.accountFor(s.uscc())) {
            throw new ApiException(ErrorCode.SIGN_UP_ACCOUNT_EXISTS, s.uscc());
        }
        SignUpMapper.EnterpriseRef enterprise = signUps.enterprise(s.uscc());
        Long enterpriseId = enterprise == null ? null : enterprise.id();
        UserAccount user = users.createSignedUp(s.username(), s.passwordHash(), s.contactName(), enterpriseId);
        signUps.decide(id, SignUpStatus.APPROVED.name(), null, caller.userId(), clock.instant(), user.id(),
                enterpriseId);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("uscc", s.uscc());
        summary.put("userId", user.id());
        summary.put("enterpriseId", enterpriseId);
        audit.record("SIGN_UP_APPROVED", "SIGN_UP", id, summary);
        return user;
    }

    /** Rejects with the reason the applicant is told. */
    @Transactional
    public void reject(long id, String reason) {
        Caller caller = access.caller();
        SignUpRecord s = pendingVisible(caller, id);
        signUps.decide(id, SignUpStatus.REJECTED.name(), reason, caller.userId(), clock.instant(), null, null);
        audit.record("SIGN_UP_REJECTED", "SIGN_UP", id, Map.of("uscc", s.uscc(), "reason", reason));
    }

    /** A sign-up the caller may decide, locked; any other is not found, as the API answers. */
    private SignUpRecord pendingVisible(Caller caller, long id) {
        access.require(caller, Permission.REVIEW_SIGN_UPS);
        SignUpRecord s = signUps.lock(id);
        String district = access.visibleDistrict(caller);
        boolean visible = s != null && (district == null || s.districtCode() == null
                || district.equals(s.districtCode()));
        if (!visible || !SignUpStatus.PENDING.name().equals(s.status())) {
            throw new ApiException(ErrorCode.SIGN_UP_NOT_FOUND, id);
        }
        return s;
    }

    /**
     * Why a username and password that match no account do not sign in: a pending or rejected sign-up with that
     * password (nobody else learns the sign-up exists).
     */
    Optional<SignUpRecord> unapproved(String username, String password) {
        SignUpRecord s = signUps.latestUnapproved(username);
        if (s == null || password == null || !passwordEncoder.matches(password, s.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The approved SME account of an enterprise's USCC (the OIDC sign-in's mapping), if there is one. */
    Optional<Long> accountOf(String uscc) {
        return Optional.ofNullable(signUps.smeUserOf(uscc));
    }

    @Override
    public Optional<Identity> of(long userId) {
        return Optional.ofNullable(signUps.approvedFor(userId))
                .map(s -> new Identity(s.uscc(), s.enterpriseName(), s.districtCode()));
    }
}
