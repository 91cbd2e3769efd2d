package cn.ipf.app.library.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties the example tests can only sample: checksums catch every single error, sizes and scores are monotone. */
class PolicyPropertiesTest {

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Provide
    Arbitrary<String> usccBody() {
        return Arbitraries.strings().withChars(USCC_ALPHABET.toCharArray()).ofLength(17);
    }

    @Provide
    Arbitrary<String> twelveDigits() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<BigDecimal> yuan() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000000000")).ofScale(2);
    }

    @Provide
    Arbitrary<String> rating() {
        return Arbitraries.of("AAA", "AA", "A", "BBB", "BB", "C").injectNull(0.2);
    }

    @Provide
    Arbitrary<BigDecimal> demand() {
        return yuan().injectNull(0.3);
    }

    @Property
    void aUsccWithItsCheckCharacterIsValidAndAnySingleChangeIsCaught(@ForAll("usccBody") String body,
            @ForAll @IntRange(max = 17) int position, @ForAll @IntRange(max = 30) int replacement) {
        String code = body + Uscc.checkCharacter(body);
        char changedTo = USCC_ALPHABET.charAt(replacement);
        Assume.that(code.charAt(position) != changedTo);

        String changed = code.substring(0, position) + changedTo + code.substring(position + 1);

        assertThat(Uscc.isValid(code)).isTrue();
        assertThat(Uscc.isValid(changed)).isFalse();
    }

    @Property
    void aPatentNumberNormalizesFromAnySpellingAndAnySingleDigitChangeIsCaught(
            @ForAll("twelveDigits") String digits, @ForAll @IntRange(max = 11) int position,
            @ForAll @IntRange(max = 9) int replacement) {
        char check = CnPatentNumber.checkCharacter(digits);
        char changedTo = (char) ('0' + replacement);
        Assume.that(digits.charAt(position) != changedTo);
        String changed = digits.substring(0, position) + changedTo + digits.substring(position + 1);

        assertThat(CnPatentNumber.normalize("zl " + digits + "." + Character.toLowerCase(check)))
                .contains(digits + check);
        assertThat(CnPatentNumber.normalize(changed + check)).isEmpty();
    }

    @Property
    void swappingTwoDifferentAdjacentDigitsOfAPatentNumberIsCaught(@ForAll("twelveDigits") String digits,
            @ForAll @IntRange(max = 10) int position) {
        Assume.that(digits.charAt(position) != digits.charAt(position + 1));
        String swapped = digits.substring(0, position) + digits.charAt(position + 1) + digits.charAt(position)
                + digits.substring(position + 2);

        assertThat(CnPatentNumber.normalize(swapped + CnPatentNumber.checkCharacter(digits))).isEmpty();
    }

    @Property
    void growingNeverMakesAnEnterpriseSmaller(@ForAll Sector sector,
            @ForAll @IntRange(max = 5000) int employees, @ForAll("yuan") BigDecimal revenue,
            @ForAll("yuan") BigDecimal assets, @ForAll @IntRange(max = 5000) int moreEmployees,
            @ForAll("yuan") BigDecimal moreRevenue, @ForAll("yuan") BigDecimal moreAssets) {
        SizeClass before = SizeClassifier.classify(sector, employees, revenue, assets);
        SizeClass after = SizeClassifier.classify(sector, employees + moreEmployees, revenue.add(moreRevenue),
                assets.add(moreAssets));

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property
    void theScoreAddsUpWithinItsMaximumAndTheGatesFollowTheFacts(@ForAll SizeClass size,
            @ForAll boolean listed, @ForAll @IntRange(max = 12) int inventions,
            @ForAll @IntRange(max = 12) int utilityModels, @ForAll @IntRange(max = 12) int highValue,
            @ForAll boolean ipm, @ForAll boolean highTech, @ForAll boolean specialized,
            @ForAll("rating") String rating, @ForAll boolean defaulted, @ForAll("demand") BigDecimal demand,
            @ForAll("yuan") BigDecimal pledgeable) {
        ScreeningRules rules = ScreeningRules.defaults();
        ScreeningFacts facts = new ScreeningFacts(size, listed, inventions, utilityModels, highValue, ipm, highTech,
                specialized, rating, defaulted, demand, pledgeable);

        ScreeningResult result = Screening.evaluate(rules, facts);

        assertThat(result.lines()).allSatisfy(l -> assertThat(l.points()).isBetween(0, l.maxPoints()));
        assertThat(result.lines().stream().mapToInt(ScoreLine::maxPoints).sum()).isEqualTo(rules.maxScore());
        assertThat(result.score()).isEqualTo(result.lines().stream().mapToInt(ScoreLine::points).sum());
        assertThat(result.gatesPassed())
                .isEqualTo(size.isSme() && !listed && inventions + utilityModels >= 1 && !defaulted);
    }

    @Property
    void morePatentsNeverLowerTheScore(@ForAll @IntRange(max = 12) int inventions,
            @ForAll @IntRange(max = 12) int highValue, @ForAll @IntRange(max = 12) int more) {
        ScreeningRules rules = ScreeningRules.defaults();

        int before = Screening.evaluate(rules, patents(inventions, highValue)).score();
        int after = Screening.evaluate(rules, patents(inventions + more, highValue + more)).score();

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    private static ScreeningFacts patents(int inventions, int highValue) {
        return new ScreeningFacts(SizeClass.SMALL, false, inventions, 0, highValue, false, false, false, null, false,
                null, BigDecimal.ZERO);
    }
}
