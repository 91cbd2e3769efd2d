package cn.ipf.app.shared.commandline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Schedules exist on a server only: a command-line run neither fires nor locks them. */
class ServerOnlyTest {

    @Configuration(proxyBeanMethods = false)
    @ServerOnly
    static class Schedule {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Schedule.class);

    @ParameterizedTest
    @ValueSource(strings = {"ipf.batch.run=interest-subsidy", "ipf.batch.restart=42", "ipf.bootstrap.admin=zhang.admin"})
    void aCommandLineRunHasNoSchedule(String property) {
        context.withPropertyValues(property).run(c -> assertThat(c).doesNotHaveBean(Schedule.class));
    }

    @Test
    void aServerHasItsSchedules() {
        context.withPropertyValues("ipf.batch.run=").run(c -> assertThat(c).hasSingleBean(Schedule.class));
    }

    @Test
    void everyScheduleIsServerOnly() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.ipf.app");
        DescribedPredicate<JavaClass> schedules = DescribedPredicate.describe("schedule",
                c -> c.isAssignableTo(SchedulingConfigurer.class)
                        || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Scheduled.class)));
        assertThat(app.that(schedules)).as("the schedules found").hasSizeGreaterThanOrEqualTo(5);
        classes().that(schedules).should().beAnnotatedWith(ServerOnly.class).check(app);
    }
}
