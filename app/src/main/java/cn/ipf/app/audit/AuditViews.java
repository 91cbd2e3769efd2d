package cn.ipf.app.audit;

import cn.ipf.api.model.AuditEvent;
import cn.ipf.app.audit.policy.AuditChain;
import java.time.ZoneOffset;

/** Audit events as the API shows them (the audit search and the regulators' drill-downs). */
public final class AuditViews {

    private AuditViews() {
    }

    public static AuditEvent event(AuditChain.Event e) {
        return new AuditEvent()
                .eventId(e.id())
                .occurredAt(e.occurredAt().atOffset(ZoneOffset.UTC))
                .actorKind(AuditEvent.ActorKindEnum.fromValue(e.actorKind()))
                .actorId(e.actorId())
                .actorRole(e.actorRole())
                .action(e.action())
                .entityType(e.entityType())
                .entityId(e.entityId())
                .requestId(e.requestId())
                .summary(e.summary())
                .previousHash(e.prevHash())
                .hash(e.hash());
    }
}
