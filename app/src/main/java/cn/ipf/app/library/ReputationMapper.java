package cn.ipf.app.library;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ReputationMapper {

    /** 信用评级 a recorded credit rating. */
    record RatingRow(long id, long enterpriseId, String rating, String source, LocalDate ratedOn) {
    }

    /** 严重违法失信名单 one listing, open while delistedOn is null. */
    record DishonestyRow(long id, long enterpriseId, LocalDate listedOn, LocalDate delistedOn, String source) {
    }

    void insertRating(@Param("enterpriseId") long enterpriseId, @Param("rating") String rating,
            @Param("source") String source, @Param("ratedOn") LocalDate ratedOn,
            @Param("recordedBy") long recordedBy, @Param("at") Instant at);

    RatingRow latestRating(long enterpriseId);

    List<DishonestyRow> dishonestyOf(long enterpriseId);

    DishonestyRow lockOpenListing(long enterpriseId);

    DishonestyRow lockListing(@Param("enterpriseId") long enterpriseId, @Param("recordId") long recordId);

    void insertListing(@Param("enterpriseId") long enterpriseId, @Param("listedOn") LocalDate listedOn,
            @Param("source") String source, @Param("recordedBy") long recordedBy, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    void delist(@Param("recordId") long recordId, @Param("delistedOn") LocalDate delistedOn);

    DishonestyRow listing(long recordId);
}
