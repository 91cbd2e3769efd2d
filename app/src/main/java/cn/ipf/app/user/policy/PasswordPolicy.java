package cn.ipf.app.user.policy;

/**
 * The password rule for new accounts: at least 10 characters with at least one letter and one digit, and at most 72
 * bytes in UTF-8 (BCrypt ignores anything beyond).
 */
public final class PasswordPolicy {

    public static final String RULE = "10 to 72 bytes with a letter and a digit";

    private PasswordPolicy() {
    }

    public static boolean isAcceptable(String password) {
        return password != null
                && password.length() >= 10
                && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72
                && password.chars().anyMatch(Character::isLetter)
                && password.chars().anyMatch(Character::isDigit);
    }
}
