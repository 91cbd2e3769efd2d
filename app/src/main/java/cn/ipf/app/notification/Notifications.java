package cn.ipf.app.notification;

import cn.ipf.app.notification.policy.Audience;
import cn.ipf.app.notification.policy.NotificationEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 消息中心 the one service other features call when something an SME, a reviewer or a bank cares about changes: one
 * method per event. Each writes one message per recipient in the caller's transaction (MANDATORY), so a message
 * exists if and only if the change committed; with a mail server configured, recipients with an address also get
 * an e-mail, queued in the same rows and sent after the commit by {@link NotificationMailer} on its own thread (the
 * business transaction never waits for SMTP), retried on failure.
 */
@Service
public class Notifications {

    private static final int MAX_ARG = 300;

    private final NotificationMapper mapper;
    private final MessageTexts texts;
    private final Clock clock;
    /** Null when no mail server is configured: messages are then in-app only. */
    private final NotificationMailer mailer;
    private final boolean mail;

    Notifications(NotificationMapper mapper, MessageTexts texts, Clock clock,
            ObjectProvider<NotificationMailer> mailer) {
        this.mapper = mapper;
        this.texts = texts;
        this.clock = clock;
        this.mailer = mailer.getIfAvailable();
        this.mail = this.mailer != null;
    }

    // the project library (入库)

    /** The enterprise asked for admission: its district's reviewers have work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admissionSubmitted(long enterpriseId, String enterpriseName) {
        publish(Audience.districtReviewersOf(enterpriseId), NotificationEvent.ADMISSION_SUBMITTED, enterpriseId,
                enterpriseName);
    }

    /** The district approved: the enterprise learns it, the city reviewers have work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admissionDistrictApproved(long enterpriseId, String enterpriseName) {
        for (Audience a : List.of(Audience.enterprise(enterpriseId), Audience.cityReviewers())) {
            publish(a, NotificationEvent.ADMISSION_DISTRICT_APPROVED, enterpriseId, enterpriseName);
        }
    }

    /**
     * A decision the enterprise is told of: ADMISSION_ADMITTED, _RETURNED, _REJECTED, _SUSPENDED or _REMOVED, with
     * the reviewer's comment (may be null).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admissionDecided(long enterpriseId, String enterpriseName, NotificationEvent event, String comment) {
        publish(Audience.enterprise(enterpriseId), event, enterpriseId, enterpriseName, comment);
    }

    // loan applications

    /** The application moved to {@code status} (the enterprise is told every step). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void loanApplicationChanged(long enterpriseId, long applicationId, String status) {
        publish(Audience.enterprise(enterpriseId), NotificationEvent.LOAN_APPLICATION_CHANGED, applicationId,
                Long.toString(applicationId), status);
    }

    // subsidy claims (贴息 and fee subsidies)

    /** The interest-subsidy job computed these enterprises' claims of the run (one statement per chunk). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyClaimsComputed(long runId, List<Long> enterpriseIds) {
        if (!enterpriseIds.isEmpty() && mapper.insertComputedClaims(runId, enterpriseIds, clock.instant(),
                mail) > 0) {
            sendAfterCommit();
        }
    }

    /** The enterprise declared (or made a fee claim): its district's reviewers have work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyClaimDeclared(long enterpriseId, long claimId, BigDecimal amount) {
        publish(Audience.districtReviewersOf(enterpriseId), NotificationEvent.SUBSIDY_CLAIM_DECLARED, claimId,
                claimRef(claimId), amount.toPlainString());
    }

    /** The district approved: the enterprise learns it, the city reviewers have work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyClaimDistrictApproved(long enterpriseId, long claimId, BigDecimal amount) {
        for (Audience a : List.of(Audience.enterprise(enterpriseId), Audience.cityReviewers())) {
            publish(a, NotificationEvent.SUBSIDY_CLAIM_DISTRICT_APPROVED, claimId, claimRef(claimId),
                    amount.toPlainString());
        }
    }

    /** The city approved: the claim goes to payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyClaimApproved(long enterpriseId, long claimId, BigDecimal amount) {
        publish(Audience.enterprise(enterpriseId), NotificationEvent.SUBSIDY_CLAIM_APPROVED, claimId,
                claimRef(claimId), amount.toPlainString());
    }

    /** A reviewer returned (rejected) the claim with a reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyClaimReturned(long enterpriseId, long claimId, String reason) {
        publish(Audience.enterprise(enterpriseId), NotificationEvent.SUBSIDY_CLAIM_RETURNED, claimId,
                claimRef(claimId), reason);
    }

    /** Paid on {@code paidOn} under {@code reference} (a voucher or the agent bank's reference). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyClaimPaid(long enterpriseId, long claimId, BigDecimal amount, LocalDate paidOn,
            String reference) {
        publish(Audience.enterprise(enterpriseId), NotificationEvent.SUBSIDY_CLAIM_PAID, claimId, claimRef(claimId),
                amount.toPlainString(), paidOn.toString(), reference);
    }

    /** The agent bank returned the transfer: the enterprise must correct its account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void subsidyPaymentFailed(long enterpriseId, long claimId, String reason) {
        publish(Audience.enterprise(enterpriseId), NotificationEvent.SUBSIDY_PAYMENT_FAILED, claimId,
                claimRef(claimId), reason);
    }

    // risk compensation (风险补偿)

    /** A bank filed a claim on the enterprise's loan: the enterprise's district reviewers have work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void compensationClaimFiled(long enterpriseId, long claimId, String externalId, String loanRef) {
        publish(Audience.districtReviewersOf(enterpriseId), NotificationEvent.COMPENSATION_CLAIM_FILED, claimId,
                externalId, loanRef);
    }

    /** The district approved: the bank learns it, the city reviewers have work. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void compensationClaimDistrictApproved(long bankId, long claimId, String externalId) {
        for (Audience a : List.of(Audience.bank(bankId), Audience.cityReviewers())) {
            publish(a, NotificationEvent.COMPENSATION_CLAIM_DISTRICT_APPROVED, claimId, externalId);
        }
    }

    /** A decision the filing bank is told of: _APPROVED (city), _REJECTED (with the reason) or _PAID. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void compensationClaimDecided(long bankId, long claimId, String externalId, NotificationEvent event,
            String detail) {
        publish(Audience.bank(bankId), event, claimId, externalId, detail);
    }

    private static String claimRef(long claimId) {
        return "SC" + claimId;
    }

    private void publish(Audience audience, NotificationEvent event, long subjectId, String... args) {
        List<String> values = new ArrayList<>(Arrays.stream(args).map(Notifications::arg).toList());
        int written = mapper.insertFor(audience.kind().name(), audience.id(), event.name(), event.subject().name(),
                subjectId, texts.write(values), clock.instant(), mail);
        if (written > 0) {
            sendAfterCommit();
        }
    }

    private static String arg(String value) {
        if (value == null) {
            return "-";
        }
        return value.length() > MAX_ARG ? value.substring(0, MAX_ARG) + "…" : value;
    }

    /** Once the transaction has committed, the mailer sends what is due on its own thread. */
    private void sendAfterCommit() {
        if (!mail || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mailer.sendSoon();
            }
        });
    }
}
