package cn.ipf.app.access.policy;

import cn.ipf.app.user.Role;
import java.util.Objects;

/**
 * 材料权限 what a person may do with the files (materials) of a claim, an appraisal or a compensation claim: the
 * owning SME and the reviewers who see the enterprise upload and read; the bank that filed a compensation claim
 * uploads and reads its evidence (and no other bank); regulators and admins only read; everyone else sees nothing
 * (answered 404, as for an enterprise they do not see). The SME does not see a bank's compensation evidence.
 */
public enum FileAccess {
    NONE, READ, WRITE;

    /**
     * @param seesEnterprise whether {@link Visibility} lets the caller see the subject's enterprise
     * @param filingBankId   the bank that filed the compensation claim, null for the SME's own subjects
     * @param callerBankId   the bank a bank officer is bound to
     */
    public static FileAccess of(Role role, boolean seesEnterprise, Long filingBankId, Long callerBankId) {
        boolean compensation = filingBankId != null;
        return switch (role) {
            case SME -> seesEnterprise && !compensation ? WRITE : NONE;
            case DISTRICT_REVIEWER, CITY_REVIEWER -> seesEnterprise ? WRITE : NONE;
            case BANK_OFFICER -> compensation && Objects.equals(filingBankId, callerBankId) ? WRITE : NONE;
            case REGULATOR, ADMIN -> READ;
        };
    }

    public boolean reads() {
        return this != NONE;
    }
}
