package cn.ipf.app.access;

import cn.ipf.app.access.policy.FileAccess;
import cn.ipf.app.access.policy.JobRights;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.access.policy.Visibility;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.Role;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see and do what, for every feature. The URL rules of {@code SecurityConfig}
 * are the coarse first line (audience by path); the services ask this component for the rest: a {@link Permission}
 * per action and {@link Visibility} per enterprise. An enterprise the caller may not see is answered 404, so its
 * existence is not revealed; an action the caller's role may not take is 403.
 */
@Component
public class AccessPolicy {

    private final AccessMapper mapper;

    AccessPolicy(AccessMapper mapper) {
        this.mapper = mapper;
    }

    /** The calling person; 403 for a bank system or no one. */
    public Caller caller() {
        Actor actor = CurrentActor.find().filter(a -> a.kind() == Actor.Kind.USER)
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN));
        long userId = Long.parseLong(actor.id());
        Role role = Role.valueOf(actor.role());
        Long enterpriseId = role == Role.SME ? mapper.enterpriseOfUser(userId) : null;
        return new Caller(userId, role, enterpriseId, actor.districtCode(), actor.bankId());
    }

    /** Whether the caller's role has the permission (a page offers only the actions it may take). */
    public boolean may(Caller caller, Permission permission) {
        return permission.allows(caller.role());
    }

    /** 403 unless the caller's role has the permission. */
    public void require(Caller caller, Permission permission) {
        if (!may(caller, permission)) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
    }

    /** The bank a bank officer works for; 403 for anyone else, so a bank's pages are its own officers' only. */
    public long ownBank(Caller caller) {
        require(caller, Permission.ACT_FOR_BANK);
        return caller.bankId();
    }

    /** A district reviewer acts only within their own district: 403 {@code OUT_OF_DISTRICT} for another one. */
    public void requireWithinDistrict(Caller caller, String districtCode) {
        if (caller.is(Role.DISTRICT_REVIEWER) && !caller.districtCode().equals(districtCode)) {
            throw new ApiException(ErrorCode.OUT_OF_DISTRICT, caller.districtCode());
        }
    }

    /** 403 unless the caller's role may launch the batch job ({@link JobRights}). */
    public void requireJobLaunch(Caller caller, String jobName) {
        if (!JobRights.mayLaunch(caller.role(), jobName)) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
    }

    /** Whether the caller sees the enterprise in the given district. */
    public boolean sees(Caller caller, long enterpriseId, String districtCode) {
        return Visibility.sees(caller.role(), caller.enterpriseId(), caller.districtCode(), enterpriseId,
                districtCode);
    }

    /** 404 unless the enterprise exists and the caller sees it. */
    public void requireVisible(Caller caller, long enterpriseId) {
        String district = mapper.districtOfEnterprise(enterpriseId);
        if (district == null || !sees(caller, enterpriseId, district)) {
            throw new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, enterpriseId);
        }
    }

    /** Whether the caller sees a matching event with these districts and enterprises ({@link Visibility}). */
    public boolean seesEvent(Caller caller, Collection<String> districts, Collection<Long> enterprises,
            boolean published) {
        return Visibility.seesEvent(caller.role(), caller.enterpriseId(), caller.districtCode(), districts,
                enterprises, published);
    }

    /** The district a search is confined to, or null when the caller sees the whole city. */
    public String visibleDistrict(Caller caller) {
        return caller.is(Role.DISTRICT_REVIEWER) ? caller.districtCode() : null;
    }

    /** The only enterprise an SME may see (-1 when it has none yet), or null for everyone else. */
    public Long visibleEnterprise(Caller caller) {
        if (!caller.is(Role.SME)) {
            return null;
        }
        return caller.enterpriseId() == null ? -1L : caller.enterpriseId();
    }

    /**
     * What the caller may do with the files of a subject of the enterprise in {@code districtCode}; for a bank's
     * compensation evidence {@code filingBankId} is the bank that filed the claim ({@link FileAccess}).
     */
    public FileAccess fileAccess(Caller caller, long enterpriseId, String districtCode, Long filingBankId) {
        return FileAccess.of(caller.role(), sees(caller, enterpriseId, districtCode), filingBankId, caller.bankId());
    }
}
