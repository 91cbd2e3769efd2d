package cn.ipf.app.library;

import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which enterprise. SMEs see only their own enterprise and district reviewers only their
 * district (anything else is 404, so existence is not revealed); city reviewers, regulators and admins see all.
 * Changes: the enterprise's own SME user, the district reviewer of its district, or a city reviewer.
 */
@Component
public class LibraryAccess {

    private final EnterpriseMapper enterprises;

    LibraryAccess(EnterpriseMapper enterprises) {
        this.enterprises = enterprises;
    }

    /** The calling person; the SME's enterprise is read from the database, as it may be bound after sign-in. */
    public record Caller(long userId, Role role, Long enterpriseId, String districtCode) {

        public boolean is(Role r) {
            return role == r;
        }
    }

    public Caller caller() {
        Actor actor = CurrentActor.find().filter(a -> a.kind() == Actor.Kind.USER)
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN));
        long userId = Long.parseLong(actor.id());
        Role role = Role.valueOf(actor.role());
        Long enterpriseId = role == Role.SME ? enterprises.enterpriseOfUser(userId) : null;
        return new Caller(userId, role, enterpriseId, actor.districtCode());
    }

    /** The enterprise if the caller may see it; 404 otherwise. */
    public EnterpriseRecord visible(Caller caller, long enterpriseId) {
        if (!canSee(caller, enterpriseId)) {
            throw new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, enterpriseId);
        }
        return enterprises.find(enterpriseId);
    }

    boolean canSee(Caller caller, long enterpriseId) {
        EnterpriseRecord e = enterprises.find(enterpriseId);
        return e != null && sees(caller, e);
    }

    /** The enterprise if the caller may maintain its profile, assets and demand. */
    EnterpriseRecord maintainable(Caller caller, long enterpriseId) {
        EnterpriseRecord e = visible(caller, enterpriseId);
        if (!(caller.is(Role.SME) || caller.is(Role.DISTRICT_REVIEWER) || caller.is(Role.CITY_REVIEWER))) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return e;
    }

    /** The enterprise if the caller reviews it: its district's reviewer or a city reviewer. */
    EnterpriseRecord reviewable(Caller caller, long enterpriseId) {
        EnterpriseRecord e = visible(caller, enterpriseId);
        if (!(caller.is(Role.DISTRICT_REVIEWER) || caller.is(Role.CITY_REVIEWER))) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        return e;
    }

    public void requireRole(Caller caller, Role... roles) {
        for (Role r : roles) {
            if (caller.is(r)) {
                return;
            }
        }
        throw new ApiException(ErrorCode.FORBIDDEN);
    }

    /** The district a search is confined to, or null when the caller sees the whole city. */
    String visibleDistrict(Caller caller) {
        return caller.is(Role.DISTRICT_REVIEWER) ? caller.districtCode() : null;
    }

    /** The only enterprise an SME may see (-1 when it has none yet), or null for everyone else. */
    Long visibleEnterprise(Caller caller) {
        if (!caller.is(Role.SME)) {
            return null;
        }
        return caller.enterpriseId() == null ? -1L : caller.enterpriseId();
    }

    private static boolean sees(Caller caller, EnterpriseRecord e) {
        return switch (caller.role()) {
            case SME -> e.id().equals(caller.enterpriseId());
            case DISTRICT_REVIEWER -> e.districtCode().equals(caller.districtCode());
            case CITY_REVIEWER, REGULATOR, ADMIN -> true;
            case BANK_OFFICER -> false;
        };
    }
}
