package cn.ipf.app.idempotency.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.shared.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ReplayPolicyTest {

    @Test
    void completedOutcomesAreKept() {
        assertThat(ReplayPolicy.kept(201, null)).isTrue();
        assertThat(ReplayPolicy.kept(200, null)).isTrue();
        assertThat(ReplayPolicy.kept(400, "VALIDATION_FAILED")).isTrue();
        assertThat(ReplayPolicy.kept(404, "NOT_FOUND")).isTrue();
        assertThat(ReplayPolicy.kept(409, "BANK_CODE_TAKEN")).isTrue();
        assertThat(ReplayPolicy.kept(409, "ILLEGAL_TRANSITION")).isTrue();
        assertThat(ReplayPolicy.kept(422, "IDEMPOTENCY_KEY_REUSED")).isTrue();
    }

    @Test
    void transientOutcomesReleaseTheKey() {
        assertThat(ReplayPolicy.kept(409, "CONCURRENT_UPDATE")).isFalse();
        assertThat(ReplayPolicy.kept(409, "CONFLICT")).isFalse();
        assertThat(ReplayPolicy.kept(409, "IDEMPOTENCY_IN_PROGRESS")).isFalse();
        assertThat(ReplayPolicy.kept(429, "RATE_LIMITED")).isFalse();
        assertThat(ReplayPolicy.kept(408, null)).isFalse();
        assertThat(ReplayPolicy.kept(500, "INTERNAL_ERROR")).isFalse();
        assertThat(ReplayPolicy.kept(503, "REDIS_UNAVAILABLE")).isFalse();
    }

    @Test
    void transientCodesAreConflictErrorCodes() {
        assertThat(ReplayPolicy.TRANSIENT_CODES).isNotEmpty().allSatisfy(code ->
                assertThat(ErrorCode.valueOf(code).status()).isEqualTo(HttpStatus.CONFLICT));
    }
}
