package cn.ipf.app.audit;

import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit events to the hash chain, in the transaction of the state change they record (MANDATORY), so that
 * the change and its events commit or roll back together.
 *
 * <p>Events are collected during the transaction and appended just before it commits: the lock on the chain head,
 * which serializes every audited transaction, is then always the last lock taken and is held only for the commit.
 * Taking it earlier would hold it across the rest of the work and deadlock with transactions that lock in the other
 * order (a decision locks its library entry, then audits; a listing audits, then suspends).
 *
 * <p>The collected events are a resource of their transaction: when a {@code REQUIRES_NEW} transaction suspends it
 * (an after-commit listener, a job run in the thread), the list is unbound with it and bound again on resumption, so
 * the inner transaction collects and appends its own events.
 */
@Service
public class AuditTrail {

    private final AuditMapper mapper;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Map<String, ?> changes) {
        recordAs(CurrentActor.get(), action, entityType, entityId, changes);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(Actor actor, String action, String entityType, Object entityId, Map<String, ?> changes) {
        pending().add(new Pending(clock.instant(), actor, action, entityType,
                String.valueOf(entityId), MDC.get("requestId"), json.writeValueAsString(new TreeMap<>(changes))));
    }

    /** An event recorded in this transaction, not yet chained. */
    private record Pending(Instant at, Actor actor, String action, String entityType, String entityId,
            String requestId, String summary) {
    }

    @SuppressWarnings("unchecked")
    private List<Pending> pending() {
        List<Pending> events = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (events == null) {
            List<Pending> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(AuditTrail.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(AuditTrail.this, created);
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    append(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
                }
            });
            events = created;
        }
        return events;
    }

    private void append(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        AuditMapper.ChainHead head = mapper.lockHead();
        long id = head.lastEventId();
        String previous = head.lastHash();
        for (Pending p : events) {
            id++;
            AuditChain.Event draft = new AuditChain.Event(id, p.at(), p.actor().kind().name(), p.actor().id(),
                    p.actor().role(), p.action(), p.entityType(), p.entityId(), p.requestId(), p.summary(), previous,
                    null);
            String hash = AuditChain.hash(previous, draft);
            mapper.insert(new AuditChain.Event(id, p.at(), draft.actorKind(), draft.actorId(), draft.actorRole(),
                    p.action(), p.entityType(), p.entityId(), p.requestId(), p.summary(), previous, hash));
            previous = hash;
        }
        mapper.advanceHead(id, previous);
        events.clear();
    }
}
