package cn.ipf.app.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The reviewers' admission work queue and the serious-dishonesty list, already narrowed to the caller's scope. */
@Mapper
interface AdmissionQueueMapper {

    /**
     * Filters of the queue. {@code visibleDistrict}: a district reviewer's own district; {@code text}: a LIKE-escaped
     * part of the name or the start of the USCC; {@code waitingBefore}: only entries waiting since before then.
     */
    record QueueQuery(String visibleDistrict, String districtCode, List<String> statuses, String text,
            Instant waitingBefore) {
    }

    /** 待审核 / 已退回 / 即将超期 counts. */
    record Counts(long pending, long returned, long dueSoon) {
    }

    /** One enterprise in the queue; {@code waitingSince} is when its entry last changed state. */
    record QueueRow(long id, String name, String uscc, String districtCode, String districtName, String status,
            Integer score, Instant waitingSince) {
    }

    /** 严重失信名单 one open listing with its enterprise. */
    record ListingRow(long recordId, long enterpriseId, String enterpriseName, String uscc, String districtName,
            LocalDate listedOn, String source) {
    }

    Counts counts(@Param("visibleDistrict") String visibleDistrict, @Param("pending") List<String> pending,
            @Param("dueBefore") Instant dueBefore);

    List<QueueRow> entries(@Param("q") QueueQuery query, @Param("offset") long offset, @Param("limit") int limit);

    long countEntries(@Param("q") QueueQuery query);

    List<ListingRow> openListings(@Param("visibleDistrict") String visibleDistrict);
}
