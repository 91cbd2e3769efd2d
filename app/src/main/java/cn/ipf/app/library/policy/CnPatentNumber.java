package cn.ipf.app.library.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 专利申请号 Chinese patent application number in the CNIPA format used since 2003: 4-digit filing year, 1 type digit,
 * 7-digit serial, then a check character (digit or X) over those 12 digits. The canonical form is the 13 characters
 * without prefix or dot, e.g. {@code 2021100012348} for {@code ZL 202110001234.8}.
 */
public final class CnPatentNumber {

    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    private static final Pattern SPELLING =
            Pattern.compile("(?:ZL|CN)?(\\d{12})\\.?([0-9X])", Pattern.CASE_INSENSITIVE);
    private static final Pattern CANONICAL = Pattern.compile("\\d{12}[0-9X]");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CnPatentNumber() {
    }

    /**
     * Accepts an optional {@code ZL} or {@code CN} prefix (any case), whitespace anywhere, an optional '.' before the
     * check character, and 'x' or 'X'; returns the canonical 13-character form, or empty when the input is malformed
     * (including the pre-2003 8/9-digit numbers) or its check character is wrong.
     */
    public static Optional<String> normalize(String input) {
        return spelt(input).filter(m -> checkCharacter(m.group(1)) == check(m)).map(m -> m.group(1) + check(m));
    }

    /**
     * For a number spelt as {@link #normalize} accepts but whose check character is wrong: the check character it
     * should have (to tell the person which one); empty when the number is valid or not a number of this form.
     */
    public static Optional<Character> correctCheck(String input) {
        return spelt(input).filter(m -> checkCharacter(m.group(1)) != check(m)).map(m -> checkCharacter(m.group(1)));
    }

    /** The input in one of the accepted spellings (digits in group 1, the check character in group 2). */
    private static Optional<Matcher> spelt(String input) {
        if (input == null) {
            return Optional.empty();
        }
        Matcher m = SPELLING.matcher(WHITESPACE.matcher(input).replaceAll(""));
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private static char check(Matcher spelt) {
        return Character.toUpperCase(spelt.group(2).charAt(0));
    }

    /** Check character of 12 ASCII digits: Σ digit × weight (2..9, 2..5) mod 11, where 10 is written X. */
    public static char checkCharacter(String twelveDigits) {
        if (twelveDigits == null || !TWELVE_DIGITS.matcher(twelveDigits).matches()) {
            throw new IllegalArgumentException("expected 12 digits");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    /**
     * The type encoded in digit 5: 1 or 8 (PCT national phase) → invention, 2 or 9 (PCT) → utility model, 3 → design;
     * empty for any other digit. Takes the canonical form only (IllegalArgumentException otherwise) so that a raw,
     * unvalidated number is a caller bug rather than an "unknown type"; the check character itself is not verified.
     */
    public static Optional<PatentType> typeOf(String canonical) {
        if (canonical == null || !CANONICAL.matcher(canonical).matches()) {
            throw new IllegalArgumentException("expected the canonical form: 12 digits and a check character");
        }
        return switch (canonical.charAt(4)) {
            case '1', '8' -> Optional.of(PatentType.INVENTION);
            case '2', '9' -> Optional.of(PatentType.UTILITY_MODEL);
            case '3' -> Optional.of(PatentType.DESIGN);
            default -> Optional.empty();
        };
    }
}
