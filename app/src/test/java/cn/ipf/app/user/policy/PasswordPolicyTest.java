package cn.ipf.app.user.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** At least 10 characters with at least one letter and one digit; temporary passwords pass it. */
class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"test-pass-2026", "abcdefghi1", "1234567890a", "密码密码密码密码密1", "  spaced 1x  "})
    void acceptsTenOrMoreCharactersWithALetterAndADigit(String password) {
        assertThat(PasswordPolicy.isAcceptable(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdefgh1", "short1", "abcdefghijkl", "1234567890123", "!@#$%^&*()-_=+"})
    void refusesShortPasswordsAndThoseMissingALetterOrADigit(String password) {
        assertThat(PasswordPolicy.isAcceptable(password)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(PasswordPolicy.isAcceptable(null)).isFalse();
    }

    @Test
    void theBoundaryIsExactlyTenCharacters() {
        assertThat(PasswordPolicy.isAcceptable("a23456789")).isFalse();
        assertThat(PasswordPolicy.isAcceptable("a234567890")).isTrue();
    }

    @Test
    void aTemporaryPasswordIsAcceptableAndHasNoLookAlikeCharacters() {
        SplittableRandom random = new SplittableRandom(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String temporary = PasswordPolicy.temporary(random);
            assertThat(PasswordPolicy.isAcceptable(temporary)).as(temporary).isTrue();
            assertThat(temporary).hasSize(14).doesNotContainPattern("[0O1lI]");
            seen.add(temporary);
        }
        assertThat(seen).hasSize(1000);
    }
}
