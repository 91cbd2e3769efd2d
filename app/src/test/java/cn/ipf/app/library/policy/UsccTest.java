package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 check character: weights 1, 3, 9, …, 28 over the 31-character alphabet, 31 − (Σ mod 31), 31 → '0'. */
class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43",
            "91110000802100433B",
            "91440300708461136T",
            "91110108MA01G0FB09",
            "91330106MA2CFT7QM0", // Σ ≡ 0 (mod 31): 31 − 0 = 31 wraps to '0'
    })
    void acceptsCodesWithTheRightCheckCharacter(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, 3",
            "91110000802100433, B",
            "91440300708461136, T",
            "91110108MA01G0FB0, 9",
            "91330106MA2CFT7QM, 0",
    })
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(Uscc.checkCharacter(first17)).isEqualTo(expected);
    }

    @Test
    void theCheckCharacterFollowsTheWeightsByHand() {
        // 1·1 + 0·3 + … + 0·28 = 1 → 31 − 1 = 30 → 'Y'; a 1 in the last place weighs 28 → 31 − 28 = 3 → '3'
        assertThat(Uscc.checkCharacter("10000000000000000")).isEqualTo('Y');
        assertThat(Uscc.checkCharacter("00000000000000001")).isEqualTo('3');
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "91350100M000100Y44",   // wrong check character
            "91350100M000100Y4",    // 17 characters
            "91350100M000100Y433",  // 19 characters
            "91350100m000100y43",   // lower case
            " 91350100M000100Y43",  // surrounding space
            "91350100I000100Y43",   // I is not in the alphabet
            "91350100O000100Y43",   // nor O
            "91350100Z000100Y43",   // nor Z
            "91350100S000100Y43",   // nor S
            "91350100V000100Y43",   // nor V
            "91350100M000100Y4I",   // nor as check character
            "91350100M000-00Y43",
    })
    void refusesEverythingElse(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @Test
    void everySingleCharacterChangeIsDetected() {
        // 31 is prime and every weight is 1..30, so changing one character always changes Σ mod 31
        String valid = "91350100M000100Y43";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 18; i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != valid.charAt(i)) {
                    String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                    assertThat(Uscc.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9135010000000000", "913501000000000000", "9135010000000000I", "9135010000000000a"})
    void checkCharacterRefusesAnythingButSeventeenAlphabetCharacters(String first17) {
        assertThatThrownBy(() -> Uscc.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkCharacterRefusesNull() {
        assertThatThrownBy(() -> Uscc.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
