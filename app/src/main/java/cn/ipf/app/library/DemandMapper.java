package cn.ipf.app.library;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DemandMapper {

    /** 融资需求 an enterprise's financing demand; preferred banks as a comma-separated id list. */
    record DemandRow(long id, long enterpriseId, BigDecimal amount, int termMonths, String purpose,
            LocalDate neededBy, String preferredBankIds, Instant createdAt) {
    }

    /** One group of the open-demand aggregate. */
    record AggregateRow(String groupKey, long demandCount, BigDecimal totalAmount) {
    }

    DemandRow openDemand(long enterpriseId);

    int close(@Param("enterpriseId") long enterpriseId, @Param("at") Instant at);

    void insert(@Param("enterpriseId") long enterpriseId, @Param("amount") BigDecimal amount,
            @Param("termMonths") int termMonths, @Param("purpose") String purpose,
            @Param("neededBy") LocalDate neededBy, @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertPreferredBank(@Param("demandId") long demandId, @Param("bankId") long bankId);

    int countBanks(@Param("ids") List<Long> bankIds);

    List<AggregateRow> aggregate(@Param("groupBy") String groupBy, @Param("visibleDistrict") String visibleDistrict);
}
