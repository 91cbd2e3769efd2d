package cn.ipf.app.access.policy;

import cn.ipf.app.user.Role;
import java.util.Collection;
import java.util.Objects;

/**
 * Which enterprises a person sees: an SME only its own, a district reviewer only its district's, city reviewers,
 * regulators and admins all, bank officers none through the people's API (banks see enterprises through consent).
 */
public final class Visibility {

    private Visibility() {
    }

    /** Whether a caller of {@code role} (bound to {@code ownEnterpriseId} or {@code ownDistrict}) sees the enterprise. */
    public static boolean sees(Role role, Long ownEnterpriseId, String ownDistrict, long enterpriseId,
            String enterpriseDistrict) {
        return switch (role) {
            case SME -> ownEnterpriseId != null && ownEnterpriseId == enterpriseId;
            case DISTRICT_REVIEWER -> Objects.equals(enterpriseDistrict, ownDistrict);
            case CITY_REVIEWER, REGULATOR, ADMIN -> true;
            case BANK_OFFICER -> false;
        };
    }

    /**
     * Whether the caller sees a matching event: an SME a published event its enterprise is on, a district reviewer
     * an event that includes its district, city reviewers, regulators and admins every event (banks through the
     * bank API only).
     */
    public static boolean seesEvent(Role role, Long ownEnterpriseId, String ownDistrict,
            Collection<String> eventDistricts, Collection<Long> eventEnterprises, boolean published) {
        return switch (role) {
            case SME -> published && ownEnterpriseId != null && eventEnterprises.contains(ownEnterpriseId);
            case DISTRICT_REVIEWER -> eventDistricts.contains(ownDistrict);
            case CITY_REVIEWER, REGULATOR, ADMIN -> true;
            case BANK_OFFICER -> false;
        };
    }
}
