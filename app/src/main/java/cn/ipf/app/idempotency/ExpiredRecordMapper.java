package cn.ipf.app.idempotency;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The purge job's queries on {@code idempotency_record}. */
@Mapper
interface ExpiredRecordMapper {

    List<Long> expired(@Param("cutoff") Instant cutoff, @Param("afterId") Long afterId, @Param("limit") int limit);

    int delete(@Param("id") long id, @Param("cutoff") Instant cutoff);
}
