package cn.ipf.app.compensation;

import cn.ipf.batch.compensation.QueuedClaim;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The risk-compensation job's reading queries, keyset-paged. */
@Mapper
interface PayoutQueueMapper {

    List<QueuedClaim> approvedClaims(@Param("programmeId") long programmeId, @Param("after") QueuedClaim after,
            @Param("limit") int limit);

    List<Long> unreturnedRecoveries(@Param("programmeId") long programmeId, @Param("afterId") Long afterId,
            @Param("limit") int limit);
}
