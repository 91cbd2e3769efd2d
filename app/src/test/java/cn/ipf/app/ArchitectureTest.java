package cn.ipf.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.security.Actor;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the rules of the house that the compiler cannot. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.ipf.app", "cn.ipf.batch");

    @Test
    void policiesArePlainJava() {
        noClasses().that().resideInAPackage("..policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.ibatis..",
                        "org.mybatis..", "jakarta.servlet..", "tools.jackson..")
                .because("calculation and policy rules are pure Java, testable without a container")
                .check(APP);
    }

    @Test
    void controllersDoNotUseMappers() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAnnotatedWith(Mapper.class)
                .because("controllers go through services, which own transactions and auditing")
                .check(APP);
    }

    @Test
    void onlyTheBatchFacadeTouchesSpringBatchFromTheApp() {
        noClasses().that().resideInAPackage("cn.ipf.app..")
                .and().doNotHaveSimpleName("JobActions")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.batch..")
                .because("jobs are launched and inspected through cn.ipf.batch.JobControl (JobActions, shared by the"
                        + " API and the pages, turns Spring Batch's refusals into problems)")
                .check(APP);
    }

    @Test
    void whoMaySeeAndDoWhatIsDecidedByTheAccessPolicy() {
        noClasses().that().resideOutsideOfPackages("cn.ipf.app.access..", "cn.ipf.app.security..",
                        "cn.ipf.app.audit..")
                .should().callMethod(Actor.class, "role")
                .because("features ask cn.ipf.app.access.AccessPolicy (permissions and visibility) instead of reading "
                        + "the caller's role themselves; the audit trail only records it")
                .check(APP);
    }

    @Test
    void timeIsReadFromTheClockBean() {
        noClasses().that().doNotHaveFullyQualifiedName("cn.ipf.app.shared.time.TimeConfig")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .because("every now and today comes from the one Clock bean (shared.time.TimeConfig), so tests can "
                        + "move time")
                .check(APP);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("cn.ipf.app.(*)..").should().beFreeOfCycles()
                .because("a feature builds on shared, security and the features below it, never on one above it")
                .check(APP);
    }

    @Test
    void batchJobsReachTheDatabaseOnlyThroughTheirPorts() {
        noClasses().that().resideInAPackage("cn.ipf.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..",
                        "org.springframework.batch.infrastructure.item.database..", "org.apache.ibatis..",
                        "org.mybatis..")
                .because("the app owns the SQL against its tables; a job reads and writes through a port "
                        + "(Spring Batch's own tables are reached through the JobRepository)")
                .check(APP);
    }

    /** String literals in batch sources that name an application table: SQL that belongs in an app mapper. */
    @Test
    void batchSourcesHoldNoSqlAgainstApplicationTables() throws IOException {
        Set<String> tables = applicationTables();
        assertThat(tables).as("tables read from sql/").contains("idempotency_record", "compensation_claim");
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        Pattern word = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        Pattern sql = Pattern.compile("(?i)\\b(select|insert|update|delete|from|join|where)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "batch", "src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    String text = m.group(1);
                    Matcher w = word.matcher(text);
                    while (w.find()) {
                        String name = w.group().toLowerCase(Locale.ROOT);
                        if (tables.contains(name) && sql.matcher(text).find()) {
                            found.add(file.getFileName() + ": \"" + text + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found).as("SQL against application tables in batch/ (move it behind the job's port)").isEmpty();
    }

    /** Tables the Flyway migrations create, except Spring Batch's own metadata. */
    private static Set<String> applicationTables() throws IOException {
        Pattern create = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("..", "sql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(Locale.ROOT);
                    if (!table.startsWith("batch_")) {
                        tables.add(table);
                    }
                }
            }
        }
        return tables;
    }

    @Test
    void everyScheduleRunsOnOneInstance() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .should().beAnnotatedWith(SchedulerLock.class)
                .because("several instances share the database: a schedule must run once, not once per instance")
                .check(APP);
    }
}
