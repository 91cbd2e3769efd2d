package cn.ipf.app.creditline;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CreditLineMapper {

    CreditLineRow line(@Param("id") long id);

    CreditLineRow byExternalId(@Param("bankId") long bankId, @Param("externalId") String externalId);

    List<CreditLineRow> page(@Param("bankId") Long bankId, @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("bankId") Long bankId);

    List<MemberRow> members(@Param("lineId") long lineId);

    boolean productOfBank(@Param("bankId") long bankId, @Param("productId") long productId);

    boolean invitedToEvent(@Param("bankId") long bankId, @Param("eventId") long eventId);

    /** Of the given enterprises, those admitted, sharing with the bank and (with an event) on that event. */
    List<Long> eligible(@Param("bankId") long bankId, @Param("eventId") Long eventId,
            @Param("ids") Collection<Long> ids);

    void insert(@Param("l") CreditLineRow line, @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertMembers(@Param("lineId") long lineId, @Param("members") List<MemberRow> members);

    /**
     * Adds the amount to the line's drawn sum when the line is open on {@code today} and the sum stays within the
     * limit: 1 row, or 0 and nothing changed. The row lock it takes orders concurrent drawdowns on the line.
     */
    int draw(@Param("lineId") long lineId, @Param("amount") BigDecimal amount, @Param("today") LocalDate today);

    /** The same for the member's sub-limit. */
    int drawMember(@Param("lineId") long lineId, @Param("enterpriseId") long enterpriseId,
            @Param("amount") BigDecimal amount);

    DrawdownRow drawdownByExternalId(@Param("bankId") long bankId, @Param("externalId") String externalId);

    DrawdownRow drawdown(@Param("id") long id);

    boolean loanDrawn(@Param("loanId") long loanId);

    void insertDrawdown(@Param("lineId") long lineId, @Param("bankId") long bankId,
            @Param("externalId") String externalId, @Param("enterpriseId") long enterpriseId,
            @Param("amount") BigDecimal amount, @Param("drawnOn") LocalDate drawnOn, @Param("loanId") Long loanId,
            @Param("at") Instant at, @Param("key") GeneratedId key);

    CreditLineRow lock(@Param("id") long id);

    void close(@Param("id") long id, @Param("at") Instant at);
}
