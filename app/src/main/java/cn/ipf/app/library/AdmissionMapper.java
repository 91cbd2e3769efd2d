package cn.ipf.app.library;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AdmissionMapper {

    /** One admission step; {@code screening} is the JSON of the frozen screening result. */
    record DecisionRow(long id, long enterpriseId, String action, String fromStatus, String toStatus,
            Long actorUserId, String actorRole, String comment, int ruleSetVersion, int score, String screening,
            Instant decidedAt) {
    }

    void insert(@Param("d") DecisionRow decision, @Param("key") GeneratedId key);

    DecisionRow find(long id);

    List<DecisionRow> ofEnterprise(long enterpriseId);
}
