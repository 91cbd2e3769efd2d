package cn.ipf.app.access.policy;

import cn.ipf.app.user.Role;
import java.util.Map;
import java.util.Set;

/**
 * 任务权限 who may launch which batch job: the one table of it (the README shows the same table). Administrators
 * launch every job; regulators launch the subsidy computation and their monthly report. Following executions
 * (reading them) is open to both; restarting, stopping and abandoning are administrators' operations (URL rules).
 */
public final class JobRights {

    // the job names of InterestSubsidyJobConfig and MonthlyReportJobConfig (JobRightsTest keeps them in step)
    private static final Map<String, Set<Role>> LAUNCHERS = Map.of(
            "interest-subsidy", Set.of(Role.ADMIN, Role.REGULATOR),
            "regulator-monthly-report", Set.of(Role.ADMIN, Role.REGULATOR));

    private JobRights() {
    }

    /** Whether a user of this role may launch the job (administrators may launch any). */
    public static boolean mayLaunch(Role role, String jobName) {
        return role == Role.ADMIN || LAUNCHERS.getOrDefault(jobName, Set.of()).contains(role);
    }
}
