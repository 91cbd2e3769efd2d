package cn.ipf.app.job;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Finds job executions in Spring Batch's tables; the executions themselves are read through JobControl. */
@Mapper
interface JobExecutionMapper {

    /** Ids of the matching executions, newest first. */
    List<Long> page(@Param("f") JobExecutionFilter filter, @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("f") JobExecutionFilter filter);
}
