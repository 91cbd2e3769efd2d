package cn.ipf.app.library;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.user.Role;
import org.springframework.stereotype.Component;

/**
 * Loads the enterprises a caller may see or change, as {@link AccessPolicy} decides: anything the caller may not see
 * is 404 (existence is not revealed), a change the caller's role may not make is 403.
 */
@Component
public class LibraryAccess {

    private final EnterpriseMapper enterprises;
    private final AccessPolicy policy;

    LibraryAccess(EnterpriseMapper enterprises, AccessPolicy policy) {
        this.enterprises = enterprises;
        this.policy = policy;
    }

    /**
     * The SME's own enterprise, for the console's pages, which have no enterprise id in their URLs; anyone else (or an
     * SME that has not registered one) finds nothing there.
     */
    public static long ownEnterprise(Caller caller) {
        if (!caller.is(Role.SME) || caller.enterpriseId() == null) {
            throw new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, 0);
        }
        return caller.enterpriseId();
    }

    Caller caller() {
        return policy.caller();
    }

    void require(Caller caller, Permission permission) {
        policy.require(caller, permission);
    }

    /** The enterprise if the caller may see it; 404 otherwise. */
    public EnterpriseRecord visible(Caller caller, long enterpriseId) {
        EnterpriseRecord e = enterprises.find(enterpriseId);
        if (e == null || !policy.sees(caller, e.id(), e.districtCode())) {
            throw new ApiException(ErrorCode.ENTERPRISE_NOT_FOUND, enterpriseId);
        }
        return e;
    }

    boolean canSee(Caller caller, long enterpriseId) {
        EnterpriseRecord e = enterprises.find(enterpriseId);
        return e != null && policy.sees(caller, e.id(), e.districtCode());
    }

    /** The enterprise if the caller may maintain its profile, assets and demand. */
    EnterpriseRecord maintainable(Caller caller, long enterpriseId) {
        EnterpriseRecord e = visible(caller, enterpriseId);
        policy.require(caller, Permission.MAINTAIN_ENTERPRISE);
        return e;
    }

    /** The enterprise if the caller reviews it: its district's reviewer or a city reviewer. */
    EnterpriseRecord reviewable(Caller caller, long enterpriseId) {
        EnterpriseRecord e = visible(caller, enterpriseId);
        policy.require(caller, Permission.REVIEW_ENTERPRISE);
        return e;
    }

    void requireWithinDistrict(Caller caller, String districtCode) {
        policy.requireWithinDistrict(caller, districtCode);
    }

    String visibleDistrict(Caller caller) {
        return policy.visibleDistrict(caller);
    }

    Long visibleEnterprise(Caller caller) {
        return policy.visibleEnterprise(caller);
    }
}
