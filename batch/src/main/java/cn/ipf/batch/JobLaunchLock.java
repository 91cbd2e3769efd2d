package cn.ipf.batch;

import java.util.Optional;

/**
 * A lock per job name, shared by all instances of the service, held while {@link JobControl} checks a job's
 * instances and creates an execution: Spring Batch's own check and create are not atomic, so two launches of the same
 * parameters could otherwise both start it, or one delete the instance the other just created. Implemented by the
 * app, which owns the database.
 */
public interface JobLaunchLock {

    /** Takes the job's lock, waiting a while for it; empty when another holder kept it all that time. */
    Optional<Held> hold(String jobName);

    /** A lock taken; closing releases it. */
    interface Held extends AutoCloseable {

        @Override
        void close();
    }
}
