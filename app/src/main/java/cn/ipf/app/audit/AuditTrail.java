package cn.ipf.app.audit;

import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit events to the hash chain. Must be called inside the transaction of the state change it records
 * (MANDATORY), so that the change and its event commit or roll back together. Appends are serialized by the lock on
 * the chain head; call it last in a transaction to keep that lock short.
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
        AuditMapper.ChainHead head = mapper.lockHead();
        AuditChain.Event draft = new AuditChain.Event(head.lastEventId() + 1,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor.kind().name(), actor.id(), actor.role(),
                action, entityType, String.valueOf(entityId), MDC.get("requestId"),
                json.writeValueAsString(new TreeMap<>(changes)), head.lastHash(), null);
        String hash = AuditChain.hash(head.lastHash(), draft);
        AuditChain.Event event = new AuditChain.Event(draft.id(), draft.occurredAt(), draft.actorKind(),
                draft.actorId(), draft.actorRole(), draft.action(), draft.entityType(), draft.entityId(),
                draft.requestId(), draft.summary(), draft.prevHash(), hash);
        mapper.insert(event);
        mapper.advanceHead(event.id(), hash);
    }
}
