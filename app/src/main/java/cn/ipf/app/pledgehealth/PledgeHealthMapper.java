package cn.ipf.app.pledgehealth;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PledgeHealthMapper {

    Long findEvent(@Param("assetKind") String assetKind, @Param("number") String number,
            @Param("kind") String kind, @Param("eventDate") LocalDate eventDate);

    void insertEvent(@Param("assetKind") String assetKind, @Param("number") String number,
            @Param("kind") String kind, @Param("eventDate") LocalDate eventDate, @Param("note") String note,
            @Param("at") Instant at, @Param("by") long by, @Param("key") GeneratedId key);

    List<PledgedAssetMatch> pledgedPatents(String number);

    List<PledgedAssetMatch> pledgedTrademarks(String number);

    void insertAlert(@Param("eventId") long eventId, @Param("m") PledgedAssetMatch match,
            @Param("cureBy") LocalDate cureBy, @Param("at") Instant at, @Param("key") GeneratedId key);

    PledgeAlertRow alert(long alertId);

    List<PledgeAlertRow> alerts(@Param("enterpriseId") Long enterpriseId, @Param("limit") int limit);

    long alertCount();

    List<PledgedAssetTerms> pledgedAssetTerms();

    /** Inserts the warning unless the same one was raised before; answers the rows inserted (0 or 1). */
    int insertWarning(@Param("a") PledgedAssetTerms asset, @Param("kind") String kind, @Param("dueOn") LocalDate dueOn,
            @Param("graceEnds") LocalDate graceEnds, @Param("at") Instant at);

    List<PledgeWarningRow> warnings(@Param("enterpriseId") long enterpriseId, @Param("limit") int limit);

    /** The secured amounts of the distinct pledge registrations, not cancelled, with an alert. */
    BigDecimal atRiskValue();
}
