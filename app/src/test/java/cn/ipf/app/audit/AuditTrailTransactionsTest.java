package cn.ipf.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.security.Actor;
import cn.ipf.app.testinfra.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events recorded in a transaction of their own ({@code REQUIRES_NEW}) commit with that transaction, not with the one
 * it suspended, and not never (after-commit work of a finished transaction).
 */
class AuditTrailTransactionsTest extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    private TransactionTemplate outer() {
        return new TransactionTemplate(transactions);
    }

    private TransactionTemplate requiresNew() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }

    private long events(String entityId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'TEST' AND entity_id = ?",
                Long.class, entityId);
    }

    private void record(String entityId) {
        audit.recordAs(Actor.SYSTEM, "TEST_EVENT", "TEST", entityId, Map.of());
    }

    @Test
    void anInnerTransactionCommitsItsEventsWhenTheOuterOneRollsBack() {
        String outerId = UUID.randomUUID().toString();
        String innerId = UUID.randomUUID().toString();
        outer().executeWithoutResult(status -> {
            record(outerId);
            requiresNew().executeWithoutResult(inner -> record(innerId));
            // the outer transaction goes on collecting after the inner one resumed it
            record(outerId);
            status.setRollbackOnly();
        });
        assertThat(events(innerId)).isEqualTo(1);
        assertThat(events(outerId)).isZero();
    }

    @Test
    void anOuterTransactionKeepsItsEventsWhenAnInnerOneRollsBack() {
        String outerId = UUID.randomUUID().toString();
        String innerId = UUID.randomUUID().toString();
        outer().executeWithoutResult(status -> {
            record(outerId);
            requiresNew().executeWithoutResult(inner -> {
                record(innerId);
                inner.setRollbackOnly();
            });
        });
        assertThat(events(innerId)).isZero();
        assertThat(events(outerId)).isEqualTo(1);
    }

    @Test
    void eventsOfANewTransactionStartedAfterCommitAreAppended() {
        String outerId = UUID.randomUUID().toString();
        String afterId = UUID.randomUUID().toString();
        outer().executeWithoutResult(status -> {
            record(outerId);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requiresNew().executeWithoutResult(inner -> record(afterId));
                }
            });
        });
        assertThat(events(outerId)).isEqualTo(1);
        assertThat(events(afterId)).isEqualTo(1);
    }
}
