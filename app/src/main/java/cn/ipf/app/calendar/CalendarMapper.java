package cn.ipf.app.calendar;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CalendarMapper {

    List<CalendarYearRow> years();

    CalendarYearRow year(int year);

    /** Every listed day of every year, oldest first. */
    List<CalendarDayRow> allDays();

    List<CalendarDayRow> daysOf(int year);

    /** Takes the year's row (new or existing) under a lock, so two replacements of one year run one after another. */
    void upsertYear(@Param("year") int year, @Param("source") String source, @Param("at") Instant at);

    void deleteDays(int year);

    void insertDays(@Param("year") int year, @Param("days") List<CalendarDayRow> days);
}
