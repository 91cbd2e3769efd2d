package cn.ipf.app.audit;

import cn.ipf.app.audit.policy.AuditChain;
import cn.ipf.app.shared.web.Pages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail: searches it, and verifies the whole hash chain in one streaming pass. */
@Service
public class AuditReader {

    private final AuditMapper mapper;

    AuditReader(AuditMapper mapper) {
        this.mapper = mapper;
    }

    /** An audited entity as events name it (entity type and id). */
    public record Entity(String type, String id) {
    }

    /** Every event on any of the entities, oldest first (a drill-down's history). */
    @Transactional(readOnly = true)
    public List<AuditChain.Event> touching(List<Entity> entities) {
        return entities.isEmpty() ? List.of() : mapper.touching(entities);
    }

    /** One keyset page of matching events, newest first. */
    @Transactional(readOnly = true)
    public Pages.Slice<AuditChain.Event> search(AuditMapper.AuditQuery query, Pages.Keyset page) {
        return page.slice(mapper.search(query, page.before(), page.limit()), AuditChain.Event::id);
    }

    /** Streams every event (bounded memory however long the trail) and compares the end with the chain head. */
    @Transactional(readOnly = true)
    public AuditChain.Verdict verify() {
        AuditMapper.ChainHead head = mapper.readHead();
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        try (Cursor<AuditChain.Event> events = mapper.streamAll()) {
            events.forEach(verifier::accept);
        } catch (IOException e) {
            throw new UncheckedIOException("audit cursor could not be closed", e);
        }
        return verifier.verdict(head.lastEventId(), head.lastHash());
    }
}
