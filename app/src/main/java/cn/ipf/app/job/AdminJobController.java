package cn.ipf.app.job;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.JobExecution;
import cn.ipf.api.model.JobExecutionPage;
import cn.ipf.api.model.JobLaunchRequest;
import cn.ipf.api.model.JobStatus;
import cn.ipf.api.model.StepProgress;
import cn.ipf.api.server.AdminJobsApi;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launch, list, watch, stop, restart and abandon batch jobs. Launches run asynchronously; each action is audited. Batch
 * metadata is written by Spring Batch in its own transactions, so these actions stay outside the request transaction.
 * Who may launch which job is {@link cn.ipf.app.access.policy.JobRights}.
 */
@RestController
class AdminJobController implements AdminJobsApi {

    private final JobControl jobs;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JobExecutionQueries executions;
    private final AccessPolicy access;

    AdminJobController(JobControl jobs, AuditTrail audit, TransactionTemplate tx, JobExecutionQueries executions,
            AccessPolicy access) {
        this.access = access;
        this.jobs = jobs;
        this.audit = audit;
        this.tx = tx;
        this.executions = executions;
    }

    @Override
    public ResponseEntity<List<String>> listJobs() {
        return ResponseEntity.ok(List.copyOf(jobs.jobNames()));
    }

    @Override
    public ResponseEntity<JobExecution> launchJob(String jobName, String idempotencyKey, JobLaunchRequest body) {
        Map<String, String> parameters = body == null || body.getParameters() == null ? Map.of()
                : body.getParameters();
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
        return accepted(run);
    }

    @Override
    public ResponseEntity<JobExecutionPage> listJobExecutions(String jobName, JobStatus status, OffsetDateTime from,
            OffsetDateTime to, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        JobExecutionFilter filter = new JobExecutionFilter(jobName, status == null ? null : status.getValue(),
                utcLocal(from), utcLocal(to));
        JobExecutionQueries.Page found = executions.page(filter, request.offset(), request.size());
        return ResponseEntity.ok(new JobExecutionPage()
                .items(found.runs().stream().map(AdminJobController::toApi).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<JobExecution> getJobExecution(Long executionId) {
        return ResponseEntity.ok(toApi(jobs.find(executionId)
                .orElseThrow(() -> new ApiException(ErrorCode.JOB_EXECUTION_NOT_FOUND, executionId))));
    }

    @Override
    public ResponseEntity<JobExecution> restartJobExecution(Long executionId, String idempotencyKey) {
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
        return accepted(run);
    }

    @Override
    public ResponseEntity<JobExecution> stopJobExecution(Long executionId, String idempotencyKey) {
        JobRun run;
        try {
            run = jobs.stop(executionId)
                    .orElseThrow(() -> new ApiException(ErrorCode.JOB_EXECUTION_NOT_FOUND, executionId));
        } catch (JobExecutionNotRunningException e) {
            throw new ApiException(ErrorCode.JOB_NOT_RUNNING, executionId);
        }
        audited("JOB_STOP_REQUESTED", run);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(toApi(run));
    }

    @Override
    public ResponseEntity<JobExecution> abandonJobExecution(Long executionId, String idempotencyKey) {
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
        return ResponseEntity.ok(toApi(run));
    }

    /** Spring Batch keeps UTC wall-clock times. */
    private static LocalDateTime utcLocal(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private void audited(String action, JobRun run) {
        tx.executeWithoutResult(s -> audit.record(action, "JOB_EXECUTION", run.executionId(),
                Map.of("jobName", run.jobName(), "parameters", run.parameters())));
    }

    private static ResponseEntity<JobExecution> accepted(JobRun run) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/job-executions/" + run.executionId()))
                .body(toApi(run));
    }

    private static JobExecution toApi(JobRun run) {
        return new JobExecution()
                .executionId(run.executionId())
                .jobName(run.jobName())
                .status(run.status())
                .exitCode(run.exitCode())
                .exitDescription(run.exitDescription())
                .parameters(run.parameters())
                .createdAt(utc(run.createdAt()))
                .startedAt(utc(run.startedAt()))
                .endedAt(utc(run.endedAt()))
                .steps(run.steps().stream().map(s -> new StepProgress()
                        .stepName(s.stepName())
                        .status(s.status())
                        .readCount(s.readCount())
                        .writeCount(s.writeCount())
                        .filterCount(s.filterCount())
                        .skipCount(s.skipCount())
                        .commitCount(s.commitCount())
                        .rollbackCount(s.rollbackCount())
                        .startedAt(utc(s.startedAt()))
                        .endedAt(utc(s.endedAt()))).toList());
    }

}
