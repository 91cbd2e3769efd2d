package cn.ipf.app.library;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MatchProfileMapper {

    /** Recomputes the profiles of these enterprises as of the date (a row for each). */
    void refresh(@Param("enterpriseIds") Collection<Long> enterpriseIds, @Param("on") LocalDate on);

    /** Enterprises whose profile does not hold on the date (computed later, or a dated change since passed). */
    List<Long> stale(@Param("on") LocalDate on);

    /** Enterprises without a profile. */
    List<Long> missing();

    /** The owners of the assets a pledge registration covers. */
    List<Long> pledgedOwners(@Param("registrationId") long registrationId);
}
