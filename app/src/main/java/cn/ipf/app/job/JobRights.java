package cn.ipf.app.job;

import cn.ipf.app.user.Role;
import cn.ipf.batch.regulator.MonthlyReportJobConfig;
import cn.ipf.batch.subsidy.InterestSubsidyJobConfig;
import java.util.Map;
import java.util.Set;

/**
 * 任务权限 who may launch which batch job: the one table of it (docs/architecture.md shows the same table).
 * Administrators launch every job; regulators launch the subsidy computation and their monthly report. Following
 * executions (reading them) is open to both; restarting, stopping and abandoning are administrators' operations.
 */
final class JobRights {

    private static final Map<String, Set<Role>> LAUNCHERS = Map.of(
            InterestSubsidyJobConfig.JOB_NAME, Set.of(Role.ADMIN, Role.REGULATOR),
            MonthlyReportJobConfig.JOB_NAME, Set.of(Role.ADMIN, Role.REGULATOR));

    private JobRights() {
    }

    /** Whether a user of this role may launch the job (administrators may launch any). */
    static boolean mayLaunch(String role, String jobName) {
        return Role.ADMIN.name().equals(role)
                || LAUNCHERS.getOrDefault(jobName, Set.of()).stream().anyMatch(r -> r.name().equals(role));
    }
}
