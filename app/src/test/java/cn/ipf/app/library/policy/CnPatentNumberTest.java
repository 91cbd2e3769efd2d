package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** CNIPA application numbers since 2003: 12 digits, check character Σ digit × (2..9, 2..5) mod 11, 10 → X. */
class CnPatentNumberTest {

    @Test
    void theCheckCharacterFollowsTheWeightsByHand() {
        // 2021 1 0001234: 2·2+0·3+2·4+1·5 + 1·6 + 0·7+0·8+0·9+1·2+2·3+3·4+4·5 = 63; 63 mod 11 = 8
        assertThat(CnPatentNumber.checkCharacter("202110001234")).isEqualTo('8');
    }

    @ParameterizedTest
    @CsvSource({
            "202110001234, 8",
            "202120001234, 3",
            "202130001234, 9",
            "201880001234, 4",
            "201890001234, X",
            "202110000004, X",
            "202120000003, 0",
            "200310100538, 1",
    })
    void computesTheCheckCharacter(String digits, char expected) {
        assertThat(CnPatentNumber.checkCharacter(digits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2021100012348",
            "202110001234.8",
            "ZL202110001234.8",
            "zl202110001234.8",
            "Zl202110001234.8",
            "ZL 202110001234.8",
            "ZL202110001234 . 8",
            " ZL 2021 1000 1234.8 ",
            "ZL2021100012348",
            "CN202110001234.8",
            "cn 202110001234.8",
    })
    void normalizesEveryAcceptedSpelling(String input) {
        assertThat(CnPatentNumber.normalize(input)).contains("2021100012348");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZL201890001234.X", "ZL201890001234.x", "201890001234x", "CN 201890001234 X"})
    void writesTheCheckCharacterTenAsUpperCaseX(String input) {
        assertThat(CnPatentNumber.normalize(input)).contains("201890001234X");
    }

    @Test
    void tellsTheCheckCharacterAWrongNumberShouldHave() {
        assertThat(CnPatentNumber.correctCheck("ZL 202110001234.3")).contains('8');
        assertThat(CnPatentNumber.correctCheck("2021100012348")).isEmpty();
        assertThat(CnPatentNumber.correctCheck("ZL20211000123.8")).as("malformed, not a wrong digit").isEmpty();
        assertThat(CnPatentNumber.correctCheck(null)).isEmpty();
    }

    @Test
    void keepsACheckCharacterZero() {
        assertThat(CnPatentNumber.normalize("ZL202120000003.0")).contains("2021200000030");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "ZL202110001234.7",     // wrong check character
            "ZL202110001234.X",     // wrong check character X
            "ZL202110001234",       // no check character
            "ZL202110001234.",
            "ZL20211000123.8",      // 11 digits
            "ZL2021100012345.8",    // 13 digits
            "ZL98123456.7",         // the pre-2003 8-digit format
            "ZL202110001234..8",
            "ZL202110001234-8",
            "ZL.202110001234.8",
            "ZZ202110001234.8",
            "ZLCN202110001234.8",
            "202110001234.Y",
            "ZL２０２１10001234.8", // full-width digits
    })
    void refusesMalformedNumbersAndWrongCheckCharacters(String input) {
        assertThat(CnPatentNumber.normalize(input)).isEmpty();
    }

    @Test
    void everySingleDigitChangeIsDetected() {
        // 11 is prime and every weight is 2..9, so changing one digit always changes Σ mod 11
        String valid = "2021100012348";
        for (int i = 0; i < 12; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String changed = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertThat(CnPatentNumber.normalize(changed)).as(changed).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2021100012348, INVENTION",
            "2021200012343, UTILITY_MODEL",
            "2021300012349, DESIGN",
            "2018800012344, INVENTION",     // PCT application entering the national phase
            "201890001234X, UTILITY_MODEL", // PCT utility model
    })
    void readsTheTypeFromTheFifthDigit(String canonical, PatentType expected) {
        assertThat(CnPatentNumber.typeOf(canonical)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021000012342", "2021400012344", "202150001234X", "2021600012345", "2021700012340"})
    void hasNoTypeForOtherFifthDigits(String canonical) {
        assertThat(CnPatentNumber.typeOf(canonical)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ZL202110001234.8", "202110001234.8", "202110001234", "202110001234x",
            "20211000123488"})
    void typeOfTakesOnlyTheCanonicalForm(String notCanonical) {
        assertThatThrownBy(() -> CnPatentNumber.typeOf(notCanonical)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeOfRefusesNull() {
        assertThatThrownBy(() -> CnPatentNumber.typeOf(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20211000123", "2021100012345", "20211000123A", "202110001234.", "２０２１10001234"})
    void checkCharacterRefusesAnythingButTwelveDigits(String input) {
        assertThatThrownBy(() -> CnPatentNumber.checkCharacter(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
