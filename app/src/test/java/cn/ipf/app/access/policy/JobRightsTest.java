package cn.ipf.app.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.user.Role;
import cn.ipf.batch.idempotency.IdempotencyPurgeJobConfig;
import cn.ipf.batch.regulator.MonthlyReportJobConfig;
import cn.ipf.batch.subsidy.InterestSubsidyJobConfig;
import org.junit.jupiter.api.Test;

class JobRightsTest {

    @Test
    void regulatorsLaunchTheSubsidyComputationAndTheirReportOnly() {
        assertThat(JobRights.mayLaunch(Role.REGULATOR, InterestSubsidyJobConfig.JOB_NAME)).isTrue();
        assertThat(JobRights.mayLaunch(Role.REGULATOR, MonthlyReportJobConfig.JOB_NAME)).isTrue();
        assertThat(JobRights.mayLaunch(Role.REGULATOR, IdempotencyPurgeJobConfig.JOB_NAME)).isFalse();
    }

    @Test
    void administratorsLaunchAnyJobAndOtherRolesNone() {
        assertThat(JobRights.mayLaunch(Role.ADMIN, IdempotencyPurgeJobConfig.JOB_NAME)).isTrue();
        assertThat(JobRights.mayLaunch(Role.CITY_REVIEWER, InterestSubsidyJobConfig.JOB_NAME)).isFalse();
        assertThat(JobRights.mayLaunch(Role.SME, MonthlyReportJobConfig.JOB_NAME)).isFalse();
    }
}
