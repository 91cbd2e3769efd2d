package cn.ipf.app.library.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 行业 the sectors of 工信部联企业〔2011〕300号 that this platform classifies; every other sector falls in
 * {@link #OTHER}, which takes the standard's 其他未列明行业 (not elsewhere listed) thresholds.
 */
public enum Sector {
    INDUSTRY, CONSTRUCTION, WHOLESALE, RETAIL, TRANSPORT, SOFTWARE_IT, OTHER;

    /** Section letter (optional), 2-digit division, then up to 2 more digits for group and class. */
    private static final Pattern CODE = Pattern.compile("([A-T])?(\\d{2})\\d{0,2}");

    /** GB/T 4754-2017 sections A–T and the first division of each; the last section, T, is division 97 alone. */
    private static final String SECTIONS = "ABCDEFGHIJKLMNOPQRST";
    private static final int[] FIRST_DIVISION =
            {1, 6, 13, 44, 47, 51, 53, 61, 63, 66, 70, 71, 73, 76, 80, 83, 84, 86, 91, 97};
    private static final int LAST_DIVISION = 97;

    /**
     * Maps a GB/T 4754-2017 code of division, group or class level ("C37", "C373", "C3736"), with or without its
     * section letter ("3736" is C3736): B/C/D → industry, E → construction, F51 → wholesale, F52 → retail,
     * G53–G58 → transport (G59 storage and G60 postal have their own MIIT thresholds, not implemented here → other),
     * I65 → software and IT services, anything else → other. A bare section letter is refused because F, G and I
     * need the division. IllegalArgumentException when malformed, when the division does not exist (00, 98, 99) or
     * when the letter does not match the division ("C6513").
     */
    public static Sector of(String gbt4754Code) {
        Matcher m = CODE.matcher(gbt4754Code == null ? "" : gbt4754Code);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a GB/T 4754 code such as C3736: " + gbt4754Code);
        }
        int division = Integer.parseInt(m.group(2));
        if (division < 1 || division > LAST_DIVISION) {
            throw new IllegalArgumentException("no GB/T 4754-2017 division " + m.group(2));
        }
        char section = sectionOf(division);
        if (m.group(1) != null && m.group(1).charAt(0) != section) {
            throw new IllegalArgumentException("division " + m.group(2) + " belongs to section " + section);
        }
        return switch (section) {
            case 'B', 'C', 'D' -> INDUSTRY;
            case 'E' -> CONSTRUCTION;
            case 'F' -> division == 51 ? WHOLESALE : RETAIL;
            case 'G' -> division <= 58 ? TRANSPORT : OTHER;
            case 'I' -> division == 65 ? SOFTWARE_IT : OTHER;
            default -> OTHER;
        };
    }

    private static char sectionOf(int division) {
        int i = FIRST_DIVISION.length - 1;
        while (FIRST_DIVISION[i] > division) {
            i--;
        }
        return SECTIONS.charAt(i);
    }
}
