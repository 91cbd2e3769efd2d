package cn.ipf.app.whitelist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface WhitelistMapper {

    /** Locks the change counter until commit and answers the last id handed out. */
    long lockSequence();

    void advanceSequence(long lastChangeId);

    EnterpriseFacts facts(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);

    List<StandingConsentRow> standingConsents(long enterpriseId);

    List<WhitelistEntryRow> ofEnterprise(long enterpriseId);

    void insert(WhitelistEntryRow row);

    void update(WhitelistEntryRow row);

    List<WhitelistEntryRow> changes(@Param("bankId") long bankId, @Param("after") long after,
            @Param("limit") int limit);
}
