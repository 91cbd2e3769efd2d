package cn.ipf.app.library;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EnterpriseMapper {

    EnterpriseRecord find(long id);

    /**
     * The library entry as of now, read with the row lock for a state change. Decisions must use these values, not
     * an earlier plain read: that may come from an older snapshot (a concurrent approval would be invisible).
     */
    record LockedEntry(String status, Long districtApprovedBy, LocalDate admittedOn) {
    }

    LockedEntry lockEntry(long id);

    boolean usccTaken(String uscc);

    void insert(@Param("e") EnterpriseRecord enterprise, @Param("key") GeneratedId key);

    void update(@Param("e") EnterpriseRecord enterprise);

    void insertEntry(@Param("enterpriseId") long enterpriseId, @Param("at") Instant at);

    void updateEntry(@Param("enterpriseId") long enterpriseId, @Param("status") String status,
            @Param("score") int score, @Param("ruleSetVersion") int ruleSetVersion,
            @Param("districtApprovedBy") Long districtApprovedBy, @Param("admittedOn") LocalDate admittedOn,
            @Param("at") Instant at);

    void markRecommended(@Param("enterpriseId") long enterpriseId, @Param("at") Instant at);

    void flagForReview(@Param("enterpriseId") long enterpriseId, @Param("flag") String flag, @Param("at") Instant at);

    List<EnterpriseRecord> search(@Param("q") EnterpriseQuery query, @Param("offset") long offset,
            @Param("limit") int limit);

    long count(@Param("q") EnterpriseQuery query);

    /** The figures the size class is derived from, for every enterprise matching the query. */
    record SizeInput(long id, String industryCode, int employees, java.math.BigDecimal annualRevenue,
            java.math.BigDecimal totalAssets) {
    }

    List<SizeInput> sizeInputs(@Param("q") EnterpriseQuery query);

    /** One row of the recommendation export. */
    record ExportRow(String uscc, String name, String districtCode, String districtName, String industryCode, int employees,
            java.math.BigDecimal annualRevenue, java.math.BigDecimal totalAssets, int validInventions,
            int highValuePatents, java.math.BigDecimal demandAmount, Integer score, LocalDate admittedOn) {
    }

    /** Recommended, admitted enterprises in id order, streamed. */
    org.apache.ibatis.cursor.Cursor<ExportRow> recommended(LocalDate on);

    /** Binds an SME user that has no enterprise yet; 0 when it already had one. */
    int bindSmeUser(@Param("userId") long userId, @Param("enterpriseId") long enterpriseId);

    Long enterpriseOfUser(long userId);

    /** Admitted enterprises' ids after {@code afterId} (null: from the start), in order: the re-review's pages. */
    List<Long> admittedAfter(@Param("afterId") Long afterId, @Param("limit") int limit);
}
