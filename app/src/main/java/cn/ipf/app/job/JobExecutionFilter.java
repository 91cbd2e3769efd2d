package cn.ipf.app.job;

import java.time.LocalDateTime;

/**
 * Which job executions to list: any of job name, status and creation-time range (from inclusive, to exclusive, in
 * UTC as Spring Batch stores it); null means any.
 */
record JobExecutionFilter(String jobName, String status, LocalDateTime from, LocalDateTime to) {
}
