package cn.ipf.app.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Decision deadlines of loan applications, their escalations and the figures of the bank scorecards. */
@Mapper
interface DeadlineMapper {

    List<PendingDecisionRow> pendingWithoutDeadline();

    void setRespondBy(@Param("id") long id, @Param("respondBy") LocalDate respondBy);

    /** Undecided, not yet escalated applications whose deadline lies before {@code today}. */
    List<Long> overdue(LocalDate today);

    /** Marks the application escalated if it still is undecided and unescalated; answers the rows changed. */
    int escalate(@Param("id") long id, @Param("at") Instant at);

    EscalationRow escalation(long id);

    List<EscalationRow> escalations(@Param("district") String district, @Param("openOnly") boolean openOnly);

    /** First decisions taken in [from, to), of one bank or (null) of all. */
    List<DecisionRow> decisions(@Param("bankId") Long bankId, @Param("from") Instant from, @Param("to") Instant to);

    /** Applications submitted in [from, to), per bank. */
    List<BankCountRow> received(@Param("bankId") Long bankId, @Param("from") Instant from, @Param("to") Instant to);

    /**
     * Applications overdue at {@code asOf}: the deadline before that day, no decision before it began, and not
     * withdrawn; per bank.
     */
    List<BankCountRow> overdueAt(@Param("bankId") Long bankId, @Param("asOf") LocalDate asOf,
            @Param("asOfStart") Instant asOfStart);

    String bankName(long bankId);
}
