package cn.ipf.app.user.policy;

/** The password rule for new accounts: at least 10 characters with at least one letter and one digit. */
public final class PasswordPolicy {

    public static final String RULE = "at least 10 characters with a letter and a digit";

    private PasswordPolicy() {
    }

    public static boolean isAcceptable(String password) {
        return password != null
                && password.length() >= 10
                && password.chars().anyMatch(Character::isLetter)
                && password.chars().anyMatch(Character::isDigit);
    }
}
