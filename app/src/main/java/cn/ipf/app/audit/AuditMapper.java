package cn.ipf.app.audit;

import cn.ipf.app.audit.policy.AuditChain;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
interface AuditMapper {

    /** The chain head, locked until the transaction ends: appends are serialized here. */
    ChainHead lockHead();

    ChainHead readHead();

    void insert(AuditChain.Event event);

    void advanceHead(@Param("lastEventId") long lastEventId, @Param("lastHash") String lastHash);

    Cursor<AuditChain.Event> streamAll();

    /** Matching events with an id below {@code before} (all when null), newest first. */
    List<AuditChain.Event> search(@Param("q") AuditQuery query, @Param("before") Long before,
            @Param("limit") int limit);

    record ChainHead(long lastEventId, String lastHash) {
    }

    record AuditQuery(String actorId, String entityType, String entityId, String action, Instant from, Instant to) {
    }

    /** Every event on any of the entities, oldest first. */
    List<AuditChain.Event> touching(@Param("entities") List<AuditReader.Entity> entities);
}
