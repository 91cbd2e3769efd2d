package cn.ipf.app.user.policy;

import java.util.random.RandomGenerator;

/**
 * The password rule for new accounts: at least 10 characters with at least one letter and one digit, and at most 72
 * bytes in UTF-8 (BCrypt ignores anything beyond).
 */
public final class PasswordPolicy {

    public static final String RULE = "10 to 72 bytes with a letter and a digit";
    /** A temporary password's characters: none that read alike (0/O, 1/l/I). */
    private static final String TEMPORARY_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int TEMPORARY_LENGTH = 14;

    private PasswordPolicy() {
    }

    public static boolean isAcceptable(String password) {
        return password != null
                && password.length() >= 10
                && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72
                && password.chars().anyMatch(Character::isLetter)
                && password.chars().anyMatch(Character::isDigit);
    }

    /** 临时密码 a password an administrator hands over on a reset: random, acceptable, easy to read out. */
    public static String temporary(RandomGenerator random) {
        while (true) {
            StringBuilder password = new StringBuilder(TEMPORARY_LENGTH);
            for (int i = 0; i < TEMPORARY_LENGTH; i++) {
                password.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
            }
            if (isAcceptable(password.toString())) {
                return password.toString();
            }
        }
    }
}
