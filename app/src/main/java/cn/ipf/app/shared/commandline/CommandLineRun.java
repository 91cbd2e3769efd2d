package cn.ipf.app.shared.commandline;

import java.util.List;
import org.springframework.core.env.PropertyResolver;

/**
 * 命令行运行 a run of the service for one task from the command line (a batch job run or restart, the first
 * administrator's bootstrap), which ends with the process, as opposed to a server.
 */
public final class CommandLineRun {

    /** The properties that each make a start a command-line run. */
    static final List<String> PROPERTIES = List.of("ipf.batch.run", "ipf.batch.restart", "ipf.bootstrap.admin");

    private CommandLineRun() {
    }

    public static boolean in(PropertyResolver environment) {
        return PROPERTIES.stream().anyMatch(p -> !environment.getProperty(p, "").isBlank());
    }
}
