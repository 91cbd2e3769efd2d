package cn.ipf.app.material.policy;

import java.util.EnumSet;
import java.util.Set;

/**
 * What materials (申报材料) belong to, and which purposes each takes: a subsidy claim (an interest claim's
 * declaration, a fee claim's invoice), an appraisal (its report), a compensation claim (the bank's evidence).
 */
public enum MaterialSubject {
    SUBSIDY_CLAIM(EnumSet.of(Purpose.DECLARATION, Purpose.INVOICE)),
    APPRAISAL(EnumSet.of(Purpose.APPRAISAL_REPORT)),
    COMPENSATION_CLAIM(EnumSet.of(Purpose.COMPENSATION_EVIDENCE));

    /** 用途 what a file is. */
    public enum Purpose { DECLARATION, INVOICE, APPRAISAL_REPORT, COMPENSATION_EVIDENCE }

    private final Set<Purpose> purposes;

    MaterialSubject(Set<Purpose> purposes) {
        this.purposes = purposes;
    }

    public boolean takes(Purpose purpose) {
        return purposes.contains(purpose);
    }

    public Set<Purpose> purposes() {
        return Set.copyOf(purposes);
    }
}
