package cn.ipf.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
                .and().doNotHaveSimpleName("AdminJobController")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.batch..")
                .because("jobs are launched and inspected through cn.ipf.batch.JobControl")
                .check(APP);
    }

    @Test
    void everyScheduleRunsOnOneInstance() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .should().beAnnotatedWith(SchedulerLock.class)
                .because("several instances share the database: a schedule must run once, not once per instance")
                .check(APP);
    }
}
