package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB/T 4754-2017 code → MIIT 2011 sector. */
class SectorTest {

    @ParameterizedTest
    @CsvSource({
            "B0610, INDUSTRY", "B12, INDUSTRY", "C13, INDUSTRY", "C3736, INDUSTRY", "C373, INDUSTRY",
            "C4390, INDUSTRY", "D4411, INDUSTRY", "D46, INDUSTRY",
            "E47, CONSTRUCTION", "E4710, CONSTRUCTION", "E5010, CONSTRUCTION",
            "F51, WHOLESALE", "F5124, WHOLESALE",
            "F52, RETAIL", "F5211, RETAIL",
            "G5310, TRANSPORT", "G5430, TRANSPORT", "G58, TRANSPORT", "G5821, TRANSPORT",
            "G59, OTHER", "G5920, OTHER", "G60, OTHER", "G6010, OTHER",
            "I65, SOFTWARE_IT", "I6513, SOFTWARE_IT", "I6599, SOFTWARE_IT",
            "I6311, OTHER", "I6421, OTHER",
            "A0111, OTHER", "A05, OTHER", "H6110, OTHER", "J6621, OTHER", "K7010, OTHER", "L7211, OTHER",
            "M7320, OTHER", "S9621, OTHER", "T9700, OTHER",
    })
    void mapsSectionAndDivision(String code, Sector expected) {
        assertThat(Sector.of(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "3736, INDUSTRY", "06, INDUSTRY", "4710, CONSTRUCTION", "5124, WHOLESALE", "52, RETAIL",
            "5430, TRANSPORT", "5920, OTHER", "6010, OTHER", "6513, SOFTWARE_IT", "641, OTHER", "0111, OTHER",
            "97, OTHER",
    })
    void mapsACodeWithoutItsLetterByTheDivision(String code, Sector expected) {
        assertThat(Sector.of(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "C", "F", "G",           // a section alone does not decide F, G or I
            "C3", "C37361", "3",     // not 2–4 digits
            "c3736", " C3736", "C3736 ", "C-3736", "C37.36",
            "U9700", "X3736",        // no such section
            "C6513", "I3736", "G5124", "A0610", // the letter does not match the division
            "00", "C00", "98", "9900", "99",   // no such division
    })
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> Sector.of(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
