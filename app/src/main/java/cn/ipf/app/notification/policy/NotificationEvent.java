package cn.ipf.app.notification.policy;

/**
 * 消息事件 the status changes the message centre reports, each about one subject. The texts are
 * {@code message.EVENT.title} and {@code message.EVENT.body} in {@code i18n/messages*.properties}, filled with the
 * message's arguments in the reader's language.
 */
public enum NotificationEvent {
    ADMISSION_SUBMITTED(Subject.ENTERPRISE),
    ADMISSION_DISTRICT_APPROVED(Subject.ENTERPRISE),
    ADMISSION_ADMITTED(Subject.ENTERPRISE),
    ADMISSION_RETURNED(Subject.ENTERPRISE),
    ADMISSION_REJECTED(Subject.ENTERPRISE),
    ADMISSION_SUSPENDED(Subject.ENTERPRISE),
    ADMISSION_REMOVED(Subject.ENTERPRISE),
    LOAN_APPLICATION_CHANGED(Subject.LOAN_APPLICATION),
    SUBSIDY_CLAIM_COMPUTED(Subject.SUBSIDY_CLAIM),
    SUBSIDY_CLAIM_DECLARED(Subject.SUBSIDY_CLAIM),
    SUBSIDY_CLAIM_DISTRICT_APPROVED(Subject.SUBSIDY_CLAIM),
    SUBSIDY_CLAIM_APPROVED(Subject.SUBSIDY_CLAIM),
    SUBSIDY_CLAIM_RETURNED(Subject.SUBSIDY_CLAIM),
    SUBSIDY_CLAIM_PAID(Subject.SUBSIDY_CLAIM),
    SUBSIDY_PAYMENT_FAILED(Subject.SUBSIDY_CLAIM),
    COMPENSATION_CLAIM_FILED(Subject.COMPENSATION_CLAIM),
    COMPENSATION_CLAIM_DISTRICT_APPROVED(Subject.COMPENSATION_CLAIM),
    COMPENSATION_CLAIM_APPROVED(Subject.COMPENSATION_CLAIM),
    COMPENSATION_CLAIM_REJECTED(Subject.COMPENSATION_CLAIM),
    COMPENSATION_CLAIM_PAID(Subject.COMPENSATION_CLAIM);

    /** What a message is about. */
    public enum Subject { ENTERPRISE, LOAN_APPLICATION, SUBSIDY_CLAIM, COMPENSATION_CLAIM }

    private final Subject subject;

    NotificationEvent(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }

    public String titleKey() {
        return "message." + name() + ".title";
    }

    public String bodyKey() {
        return "message." + name() + ".body";
    }
}
