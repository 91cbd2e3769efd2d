package cn.ipf.app.audit;

import cn.ipf.api.model.AuditChainVerification;
import cn.ipf.api.model.AuditEventPage;
import cn.ipf.api.server.AuditApi;
import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.shared.web.Pages;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Regulators' view of the audit trail: search, and verification of the hash chain. */
@RestController
class AuditController implements AuditApi {

    private final AuditReader reader;

    AuditController(AuditReader reader) {
        this.reader = reader;
    }

    @Override
    public ResponseEntity<AuditEventPage> listAuditEvents(String actorId, String entityType, String entityId,
            String action, OffsetDateTime from, OffsetDateTime to, String cursor, Integer size) {
        AuditMapper.AuditQuery query = new AuditMapper.AuditQuery(actorId, entityType, entityId, action,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        Pages.Slice<AuditChain.Event> found = reader.search(query, Pages.keyset(cursor, size));
        return ResponseEntity.ok(new AuditEventPage()
                .items(found.items().stream().map(AuditViews::event).toList())
                .nextCursor(found.nextCursor()));
    }

    @Override
    public ResponseEntity<AuditChainVerification> verifyAuditChain() {
        AuditChain.Verdict verdict = reader.verify();
        return ResponseEntity.ok(new AuditChainVerification()
                .valid(verdict.valid())
                .eventsChecked(verdict.eventsChecked())
                .firstBrokenEventId(verdict.firstBrokenEventId())
                .reason(verdict.reason() == null ? null : verdict.reason().name()));
    }
}
