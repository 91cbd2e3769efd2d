package cn.ipf.app.job;

import cn.ipf.batch.JobControl;
import org.springframework.core.env.Environment;

/** Lets tests of other packages run {@link JobCommandLine} as the command line would, without exiting the JVM. */
public final class JobCommandLineAccess {

    private final JobCommandLine commandLine;

    public JobCommandLineAccess(JobControl jobs, Environment environment) {
        this.commandLine = new JobCommandLine(jobs, environment, null);
    }

    /** The exit code the command line would end with. */
    public int execute() {
        return commandLine.execute();
    }
}
