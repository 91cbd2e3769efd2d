package cn.ipf.app.library.policy;

/**
 * 统一社会信用代码 unified social credit code (GB 32100-2015): 18 characters over the 31-character alphabet
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, Z, S, V), the last being a check character over the first 17.
 *
 * <p>Only the alphabet and the check character are verified; the structure of the first 17 characters (registration
 * authority, entity type, region code, organisation code) is left to the registries that issue them.
 */
public final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** Upper case only: lower-case input is refused rather than normalised, so stored codes stay canonical. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18 || !inAlphabet(code)) {
            return false;
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** Check character = alphabet[31 − (Σ value × weight mod 31)], where 31 wraps to '0'. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !inAlphabet(first17)) {
            throw new IllegalArgumentException("expected 17 characters of the USCC alphabet");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static boolean inAlphabet(String s) {
        return s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
