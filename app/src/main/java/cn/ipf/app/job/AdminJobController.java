package cn.ipf.app.job;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.JobExecution;
import cn.ipf.api.model.JobExecutionPage;
import cn.ipf.api.model.JobLaunchRequest;
import cn.ipf.api.model.JobStatus;
import cn.ipf.api.model.StepProgress;
import cn.ipf.api.server.AdminJobsApi;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launch, list, watch, stop, restart and abandon batch jobs. Launches run asynchronously; the actions (refusals as
 * problems, audit) are {@link JobActions}, shared with the console's {@code JobPages}.
 */
@RestController
class AdminJobController implements AdminJobsApi {

    private final JobControl jobs;
    private final JobActions actions;
    private final JobExecutionQueries executions;

    AdminJobController(JobControl jobs, JobActions actions, JobExecutionQueries executions) {
        this.jobs = jobs;
        this.actions = actions;
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
        return accepted(actions.launch(jobName, parameters));
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
        return ResponseEntity.ok(toApi(actions.find(executionId)));
    }

    @Override
    public ResponseEntity<JobExecution> restartJobExecution(Long executionId, String idempotencyKey) {
        return accepted(actions.restart(executionId));
    }

    @Override
    public ResponseEntity<JobExecution> stopJobExecution(Long executionId, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(toApi(actions.stop(executionId)));
    }

    @Override
    public ResponseEntity<JobExecution> abandonJobExecution(Long executionId, String idempotencyKey) {
        return ResponseEntity.ok(toApi(actions.abandon(executionId)));
    }

    /** Spring Batch keeps UTC wall-clock times. */
    private static LocalDateTime utcLocal(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
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
