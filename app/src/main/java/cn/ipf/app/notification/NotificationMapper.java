package cn.ipf.app.notification;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NotificationMapper {

    /**
     * One message per enabled user of the audience ({@code kind}, {@code id}: see {@code Audience}); with
     * {@code mail}, those with an address get a PENDING e-mail due at once.
     */
    int insertFor(@Param("kind") String kind, @Param("id") Long id, @Param("event") String event,
            @Param("subjectType") String subjectType, @Param("subjectId") long subjectId, @Param("args") String args,
            @Param("now") Instant now, @Param("mail") boolean mail);

    /** SUBSIDY_CLAIM_COMPUTED for the SME users of the run's claims of these enterprises (one statement a chunk). */
    int insertComputedClaims(@Param("runId") long runId, @Param("enterpriseIds") List<Long> enterpriseIds,
            @Param("now") Instant now, @Param("mail") boolean mail);

    List<NotificationRow> page(@Param("userId") long userId, @Param("unreadOnly") boolean unreadOnly,
            @Param("before") Long before, @Param("limit") int limit);

    long unreadCount(long userId);

    boolean exists(@Param("userId") long userId, @Param("id") long id);

    int markRead(@Param("userId") long userId, @Param("id") long id, @Param("now") Instant now);

    int markAllRead(@Param("userId") long userId, @Param("now") Instant now);

    String email(long userId);

    void setEmail(@Param("userId") long userId, @Param("email") String email);

    List<Long> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    void lease(@Param("ids") List<Long> ids, @Param("until") Instant until, @Param("token") String token);

    List<MailRow> claimed(@Param("ids") List<Long> ids, @Param("token") String token);

    /** Records an attempt's outcome if the lease {@code token} still holds the mail. */
    int recordAttempt(@Param("id") long id, @Param("token") String token, @Param("status") String status,
            @Param("attempts") int attempts, @Param("nextAt") Instant nextAt, @Param("error") String error,
            @Param("sentAt") Instant sentAt);
}
