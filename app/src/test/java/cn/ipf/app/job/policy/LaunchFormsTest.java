package cn.ipf.app.job.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchFormsTest {

    @Test
    void requiredParametersMustBeGivenAndEachMustHaveItsType() {
        assertThat(LaunchForms.problems("interest-subsidy", Map.of("programme", "", "dryRun", "yes")))
                .containsExactly(Map.entry("programme", "required"), Map.entry("period", "required"),
                        Map.entry("dryRun", "type"));
        assertThat(LaunchForms.problems("interest-subsidy", Map.of("programme", "42", "period", "2025-Q3")))
                .isEmpty();
        assertThat(LaunchForms.problems("regulator-monthly-report", Map.of("month", "2025-13"))).containsExactly(
                Map.entry("month", "type"));
        assertThat(LaunchForms.problems("idempotency-purge", Map.of("cutoff", "2026-01-31T00:00:00Z"))).isEmpty();
    }

    @Test
    void onlyTheJobsParametersThatWereEnteredAreLaunchedSoThatDefaultsFillTheRest() {
        assertThat(LaunchForms.parameters("idempotency-purge", Map.of("cutoff", " ", "_csrf", "t", "idem", "k")))
                .isEmpty();
        assertThat(LaunchForms.parameters("interest-subsidy", Map.of("programme", " 42 ", "period", "2025-Q3",
                "_csrf", "t"))).containsExactly(Map.entry("programme", "42"), Map.entry("period", "2025-Q3"));
    }

    @Test
    void aJobWithoutADescribedFormTakesNameValueLines() {
        assertThat(LaunchForms.described("some-new-job")).isFalse();
        assertThat(LaunchForms.parameters("some-new-job", Map.of("parameters", "a = 1\n\nb=2023-01")))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2023-01"));
        assertThat(LaunchForms.problems("some-new-job", Map.of("parameters", "no value here")))
                .containsExactly(Map.entry("parameters", "type"));
    }
}
