package cn.ipf.app.webhook;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The retention job's queries: finished deliveries with their attempts, then events no delivery refers to. */
@Mapper
interface WebhookRetentionMapper {

    List<Long> finishedDeliveries(@Param("cutoff") Instant cutoff, @Param("afterId") Long afterId,
            @Param("limit") int limit);

    int deleteAttempts(@Param("ids") List<Long> ids, @Param("cutoff") Instant cutoff);

    int deleteDeliveries(@Param("ids") List<Long> ids, @Param("cutoff") Instant cutoff);

    List<Long> unusedEvents(@Param("cutoff") Instant cutoff, @Param("afterId") Long afterId,
            @Param("limit") int limit);

    int deleteEvents(@Param("ids") List<Long> ids, @Param("cutoff") Instant cutoff);
}
