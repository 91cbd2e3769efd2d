package cn.ipf.app.job;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Instances of the service, their heartbeats and the job executions each runs. Times are the database's
 * ({@code UTC_TIMESTAMP(6)}): every instance then judges a heartbeat's age by the same clock.
 */
@Mapper
interface JobOwnerMapper {

    /** Records a start: this incarnation of the instance, alive now, replacing any earlier incarnation. */
    void start(@Param("name") String instanceName, @Param("incarnation") String incarnation);

    /** Records this incarnation as alive now; 0 when the instance's name is held by another incarnation. */
    int beat(@Param("name") String instanceName, @Param("incarnation") String incarnation);

    /** Records (or, claimed again, confirms) the incarnation that runs an execution. */
    void claim(@Param("executionId") long executionId, @Param("name") String instanceName,
            @Param("incarnation") String incarnation);

    /** Whether the execution's owning incarnation is its instance's current one and beat within the timeout. */
    boolean alive(@Param("executionId") long executionId, @Param("timeoutSeconds") long timeoutSeconds);

    /** Executions still marked running whose owner is gone: replaced by a new start, or silent past the timeout. */
    List<Long> orphans(@Param("timeoutSeconds") long timeoutSeconds);
}
