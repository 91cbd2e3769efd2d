package cn.ipf.app.job;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import java.util.Map;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launch, restart, stop and abandon a batch job as a person (API or console): Spring Batch's refusals become the
 * API's problems and each action is audited. Batch metadata is written by Spring Batch in its own transactions, so
 * these actions stay outside any request transaction. Who may launch which job is
 * {@link cn.ipf.app.access.policy.JobRights}.
 */
@Service
class JobActions {

    private final JobControl jobs;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final AccessPolicy access;

    JobActions(JobControl jobs, AuditTrail audit, TransactionTemplate tx, AccessPolicy access) {
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.access = access;
    }

    JobRun launch(String jobName, Map<String, String> parameters) {
        if (!jobs.jobNames().contains(jobName)) {
            throw new ApiException(ErrorCode.JOB_UNKNOWN, jobName);
        }
        access.requireJobLaunch(access.caller(), jobName);
        JobRun run;
        try {
            run = jobs.launch(jobName, parameters);
        } catch (NoSuchJobException e) {
            throw new ApiException(ErrorCode.JOB_UNKNOWN, jobName);
        } catch (InvalidJobParametersException e) {
            throw new ApiException(ErrorCode.JOB_PARAMETERS_INVALID, e.getMessage());
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new ApiException(ErrorCode.JOB_ALREADY_COMPLETE, jobName);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new ApiException(ErrorCode.JOB_ALREADY_RUNNING, jobName);
        } catch (JobRestartException e) {
            throw new ApiException(ErrorCode.JOB_NOT_RESTARTABLE, jobName);
        } catch (DataIntegrityViolationException e) {
            // a concurrent launch created the same instance first (the job lock makes this rare)
            throw new ApiException(ErrorCode.JOB_ALREADY_RUNNING, jobName);
        }
        audited("JOB_LAUNCHED", run);
        return run;
    }

    JobRun find(long executionId) {
        return jobs.find(executionId)
                .orElseThrow(() -> new ApiException(ErrorCode.JOB_EXECUTION_NOT_FOUND, executionId));
    }

    JobRun restart(long executionId) {
        JobRun run;
        try {
            run = jobs.restart(executionId)
                    .orElseThrow(() -> new ApiException(ErrorCode.JOB_EXECUTION_NOT_FOUND, executionId));
        } catch (JobRestartException e) {
            throw new ApiException(ErrorCode.JOB_NOT_RESTARTABLE, executionId);
        } catch (DataIntegrityViolationException e) {
            // a concurrent restart created the next execution first
            throw new ApiException(ErrorCode.JOB_ALREADY_RUNNING, executionId);
        } catch (IllegalStateException e) {
            // Spring Batch refuses to restart a completed or running execution this way
            throw new ApiException(ErrorCode.JOB_NOT_RESTARTABLE, executionId);
        }
        audited("JOB_RESTARTED", run);
        return run;
    }

    JobRun stop(long executionId) {
        JobRun run;
        try {
            run = jobs.stop(executionId)
                    .orElseThrow(() -> new ApiException(ErrorCode.JOB_EXECUTION_NOT_FOUND, executionId));
        } catch (JobExecutionNotRunningException e) {
            throw new ApiException(ErrorCode.JOB_NOT_RUNNING, executionId);
        }
        audited("JOB_STOP_REQUESTED", run);
        return run;
    }

    JobRun abandon(long executionId) {
        JobRun run;
        try {
            run = jobs.abandon(executionId)
                    .orElseThrow(() -> new ApiException(ErrorCode.JOB_EXECUTION_NOT_FOUND, executionId));
        } catch (JobExecutionAlreadyRunningException e) {
            throw new ApiException(ErrorCode.JOB_ALREADY_RUNNING, executionId);
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new ApiException(ErrorCode.JOB_ALREADY_COMPLETE, executionId);
        }
        audited("JOB_ABANDONED", run);
        return run;
    }

    private void audited(String action, JobRun run) {
        tx.executeWithoutResult(s -> audit.record(action, "JOB_EXECUTION", run.executionId(),
                Map.of("jobName", run.jobName(), "parameters", run.parameters())));
    }
}
