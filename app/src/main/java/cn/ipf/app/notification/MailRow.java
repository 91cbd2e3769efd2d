package cn.ipf.app.notification;

/** A claimed e-mail of a notification: where it goes, what it says and how often it was tried. */
public record MailRow(long id, String email, String event, String args, int attempts) {
}
