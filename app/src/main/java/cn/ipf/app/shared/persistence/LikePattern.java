package cn.ipf.app.shared.persistence;

/** Text a user searches for, as a SQL LIKE operand: its wildcards taken literally (the default escape '\'). */
public final class LikePattern {

    private LikePattern() {
    }

    /** The stripped text with %, _ and \ escaped; null when blank (no search). */
    public static String literal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
