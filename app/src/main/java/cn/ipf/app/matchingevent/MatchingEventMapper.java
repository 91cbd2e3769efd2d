package cn.ipf.app.matchingevent;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MatchingEventMapper {

    void insert(@Param("e") EventRow event, @Param("by") long userId, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    void insertDistricts(@Param("eventId") long eventId, @Param("codes") Collection<String> codes);

    void insertIndustries(@Param("eventId") long eventId, @Param("prefixes") Collection<String> prefixes);

    /** How many of the codes are districts of the deployment not retired. */
    int countDistricts(@Param("codes") Collection<String> codes);

    EventRow find(@Param("id") long id);

    EventRow lock(@Param("id") long id);

    List<String> districts(@Param("eventId") long eventId);

    List<String> industries(@Param("eventId") long eventId);

    List<Long> enterpriseIds(@Param("eventId") long eventId);

    List<ParticipantRow> participants(@Param("eventId") long eventId, @Param("enterpriseId") Long enterpriseId,
            @Param("consentingToBank") Long consentingToBank);

    List<EventBankRow> banks(@Param("eventId") long eventId);

    /** The events a person may list: null filters mean no restriction. */
    List<EventRow> page(@Param("status") String status, @Param("district") String district,
            @Param("enterpriseId") Long enterpriseId, @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("status") String status, @Param("district") String district,
            @Param("enterpriseId") Long enterpriseId);

    List<EventRow> pageOfBank(@Param("bankId") long bankId, @Param("offset") long offset, @Param("limit") int limit);

    long countOfBank(@Param("bankId") long bankId);

    boolean invited(@Param("eventId") long eventId, @Param("bankId") long bankId);

    /** What decides whether each of the given enterprises may be added to the event. */
    List<CandidateRow> standing(@Param("eventId") long eventId, @Param("ids") Collection<Long> ids);

    void insertParticipant(@Param("eventId") long eventId, @Param("enterpriseId") long enterpriseId,
            @Param("at") Instant at);

    List<Long> knownBanks(@Param("ids") Collection<Long> ids);

    void insertBank(@Param("eventId") long eventId, @Param("bankId") long bankId, @Param("at") Instant at);

    void setStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    int answer(@Param("eventId") long eventId, @Param("enterpriseId") long enterpriseId,
            @Param("attendance") String attendance, @Param("summary") String pitchSummary,
            @Param("link") String pitchLink, @Param("at") Instant at);

    boolean participantSharesWith(@Param("eventId") long eventId, @Param("enterpriseId") long enterpriseId,
            @Param("bankId") long bankId);

    IntentionRow intentionOf(@Param("eventId") long eventId, @Param("bankId") long bankId,
            @Param("enterpriseId") long enterpriseId);

    void insertIntention(@Param("eventId") long eventId, @Param("bankId") long bankId,
            @Param("enterpriseId") long enterpriseId, @Param("note") String note, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    IntentionRow lockIntention(@Param("id") long id, @Param("bankId") long bankId);

    IntentionRow intention(@Param("id") long id);

    List<IntentionRow> intentions(@Param("eventId") long eventId, @Param("bankId") Long bankId,
            @Param("enterpriseId") Long enterpriseId);

    List<IntentionLoanRow> intentionLoans(@Param("eventId") long eventId);

    List<LinkableLoanRow> linkableLoans(@Param("bankId") long bankId, @Param("enterpriseId") long enterpriseId);

    void grantCredit(@Param("id") long id, @Param("amount") BigDecimal amount, @Param("on") LocalDate on,
            @Param("at") Instant at);

    void setIntentionStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    /** The intention a loan is linked to, or null. */
    Long intentionOfLoan(@Param("loanId") long loanId);

    void linkLoan(@Param("intentionId") long intentionId, @Param("loanId") long loanId, @Param("at") Instant at);

    OutcomeRow outcome(@Param("eventId") long eventId);
}
