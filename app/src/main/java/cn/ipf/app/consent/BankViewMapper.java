package cn.ipf.app.consent;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface BankViewMapper {

    /** One logged view, as the enterprise reads it. */
    record ViewRow(long bankId, String bankName, Long productId, String productName, String kind, Instant viewedAt) {
    }

    /** Logs one view per enterprise of the JSON array of ids ({@code [3,17]}), in one statement. */
    void insert(@Param("enterpriseIds") String enterpriseIds, @Param("bankId") long bankId,
            @Param("appId") String appId, @Param("userId") Long userId, @Param("productId") Long productId,
            @Param("kind") String kind, @Param("at") Instant at, @Param("requestId") String requestId);

    List<ViewRow> page(@Param("enterpriseId") long enterpriseId, @Param("limit") int limit,
            @Param("offset") long offset);

    long count(long enterpriseId);
}
