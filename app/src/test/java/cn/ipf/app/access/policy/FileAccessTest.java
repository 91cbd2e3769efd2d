package cn.ipf.app.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.user.Role;
import org.junit.jupiter.api.Test;

class FileAccessTest {

    @Test
    void theEnterpriseAndItsReviewersWriteRegulatorsAndAdminsRead() {
        assertThat(FileAccess.of(Role.SME, true, null, null)).isEqualTo(FileAccess.WRITE);
        assertThat(FileAccess.of(Role.SME, false, null, null)).isEqualTo(FileAccess.NONE);
        assertThat(FileAccess.of(Role.DISTRICT_REVIEWER, true, null, null)).isEqualTo(FileAccess.WRITE);
        assertThat(FileAccess.of(Role.DISTRICT_REVIEWER, false, null, null)).isEqualTo(FileAccess.NONE);
        assertThat(FileAccess.of(Role.CITY_REVIEWER, true, null, null)).isEqualTo(FileAccess.WRITE);
        assertThat(FileAccess.of(Role.REGULATOR, true, null, null)).isEqualTo(FileAccess.READ);
        assertThat(FileAccess.of(Role.ADMIN, true, null, null)).isEqualTo(FileAccess.READ);
        assertThat(FileAccess.of(Role.BANK_OFFICER, false, null, 7L)).as("no bank sees an SME's own files")
                .isEqualTo(FileAccess.NONE);
    }

    @Test
    void compensationEvidenceIsTheFilingBanksAndTheReviewersNotTheSmes() {
        assertThat(FileAccess.of(Role.BANK_OFFICER, false, 7L, 7L)).isEqualTo(FileAccess.WRITE);
        assertThat(FileAccess.of(Role.BANK_OFFICER, false, 7L, 8L)).isEqualTo(FileAccess.NONE);
        assertThat(FileAccess.of(Role.SME, true, 7L, null)).isEqualTo(FileAccess.NONE);
        assertThat(FileAccess.of(Role.DISTRICT_REVIEWER, true, 7L, null)).isEqualTo(FileAccess.WRITE);
        assertThat(FileAccess.of(Role.DISTRICT_REVIEWER, false, 7L, null)).isEqualTo(FileAccess.NONE);
        assertThat(FileAccess.of(Role.REGULATOR, true, 7L, null)).isEqualTo(FileAccess.READ);
    }
}
