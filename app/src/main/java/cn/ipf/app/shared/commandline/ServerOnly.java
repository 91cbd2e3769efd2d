package cn.ipf.app.shared.commandline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Only on a server, never in a {@link CommandLineRun}: for schedules, which a command-line run would otherwise fire
 * (winning a schedule's lock) and then kill half-done when it exits.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(ServerOnly.NotCommandLine.class)
public @interface ServerOnly {

    /** Matches unless the start is a command-line run. */
    class NotCommandLine implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !CommandLineRun.in(context.getEnvironment());
        }
    }
}
