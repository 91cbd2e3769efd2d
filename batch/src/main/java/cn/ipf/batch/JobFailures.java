package cn.ipf.batch;

import org.springframework.batch.core.job.JobExecution;

/** Why a job execution failed, in words a person can act on, never a stack trace. */
public final class JobFailures {

    private JobFailures() {
    }

    /**
     * The first root cause thrown by the feature rather than by Spring Batch's own machinery (a failed partition
     * reports "Partition handler returned an unsuccessful step"; the missing LPR month behind it is what an operator
     * needs to read). Failure exceptions live only in the JVM that ran the execution, so this is asked there.
     */
    public static String reason(JobExecution execution) {
        Throwable first = null;
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (!root.getClass().getName().startsWith("org.springframework.batch.")) {
                return message(root);
            }
            first = first == null ? root : first;
        }
        if (first != null) {
            return message(first);
        }
        String description = execution.getExitStatus().getExitDescription();
        // Spring Batch's own description of a failure is a stack trace: its first line is the message
        return description == null || description.isBlank() ? execution.getStatus().name()
                : description.lines().findFirst().orElse(description);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
