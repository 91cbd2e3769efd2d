package cn.ipf.app.regulator;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The bytes of the monthly report files (their metadata is in {@link StatisticsMapper}). */
@Mapper
interface ReportContentMapper {

    void upsert(@Param("month") String month, @Param("format") String format, @Param("content") byte[] content);

    /** A row, not a bare byte[]: MyBatis takes an array return type for many rows. */
    ReportContent content(@Param("month") String month, @Param("format") String format);
}
