package cn.ipf.app.job;

import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import java.util.List;
import org.springframework.stereotype.Service;

/** Lists job executions: the matching ids from Spring Batch's tables, each read through {@link JobControl}. */
@Service
class JobExecutionQueries {

    private final JobExecutionMapper mapper;
    private final JobControl jobs;

    JobExecutionQueries(JobExecutionMapper mapper, JobControl jobs) {
        this.mapper = mapper;
        this.jobs = jobs;
    }

    record Page(List<JobRun> runs, long total) {
    }

    Page page(JobExecutionFilter filter, long offset, int size) {
        return new Page(mapper.page(filter, offset, size).stream().flatMap(id -> jobs.find(id).stream()).toList(),
                mapper.count(filter));
    }
}
