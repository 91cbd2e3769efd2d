package cn.ipf.app.audit;

import cn.ipf.api.model.AuditChainVerification;
import cn.ipf.api.model.AuditEvent;
import cn.ipf.api.model.AuditEventPage;
import cn.ipf.api.server.AuditApi;
import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.shared.web.Pages;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** Regulators' view of the audit trail: search, and verification of the hash chain. */
@RestController
class AuditController implements AuditApi {

    private final AuditMapper mapper;

    AuditController(AuditMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    @Transactional(readOnly = true)
    public ResponseEntity<AuditEventPage> listAuditEvents(String actorId, String entityType, String entityId,
            String action, OffsetDateTime from, OffsetDateTime to, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        AuditMapper.AuditQuery query = new AuditMapper.AuditQuery(actorId, entityType, entityId, action,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        long total = mapper.count(query);
        return ResponseEntity.ok(new AuditEventPage()
                .items(mapper.search(query, request.offset(), request.size()).stream()
                        .map(AuditController::toApi).toList())
                .page(request.meta(total)));
    }

    @Override
    @Transactional(readOnly = true)
    public ResponseEntity<AuditChainVerification> verifyAuditChain() {
        AuditMapper.ChainHead head = mapper.readHead();
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        try (Cursor<AuditChain.Event> events = mapper.streamAll()) {
            events.forEach(verifier::accept);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("audit cursor could not be closed", e);
        }
        AuditChain.Verdict verdict = verifier.verdict(head.lastEventId(), head.lastHash());
        return ResponseEntity.ok(new AuditChainVerification()
                .valid(verdict.valid())
                .eventsChecked(verdict.eventsChecked())
                .firstBrokenEventId(verdict.firstBrokenEventId())
                .reason(verdict.reason() == null ? null : verdict.reason().name()));
    }

    private static AuditEvent toApi(AuditChain.Event e) {
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
