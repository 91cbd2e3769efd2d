package cn.ipf.app.loan;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.calendar.WorkingCalendar;
import cn.ipf.app.loan.policy.Scorecard;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 银行响应评分 the monthly bank scorecards of the response deadlines: every bank's to regulators, a bank's own over
 * the bank API. Months are business months (Asia/Shanghai); a month whose working days the calendar does not cover
 * is 409 WORKING_CALENDAR_MISSING.
 */
@Service
public class BankScorecards {

    private final DeadlineMapper mapper;
    private final WorkingCalendar workingCalendar;
    private final BusinessCalendar calendar;
    private final ResponseDeadlines deadlines;
    private final AccessPolicy access;
    private final Clock clock;

    BankScorecards(DeadlineMapper mapper, WorkingCalendar workingCalendar, BusinessCalendar calendar,
            ResponseDeadlines deadlines, AccessPolicy access, Clock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.workingCalendar = workingCalendar;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.access = access;
    }

    /** One bank's month. */
    public record Card(long bankId, String bankName, YearMonth month, int received, int overdueUndecided,
            Scorecard figures) {
    }

    @Transactional(readOnly = true)
    public List<Card> all(YearMonth month) {
        access.require(access.caller(), Permission.READ_BANK_SCORECARDS);
        return cards(null, month);
    }

    /** The calling bank's own card; zeros in a month without applications. */
    @Transactional(readOnly = true)
    Card own(long bankId, YearMonth month) {
        List<Card> cards = cards(bankId, month);
        return cards.isEmpty() ? new Card(bankId, mapper.bankName(bankId), month, 0, 0,
                Scorecard.of(List.of(), null, deadlines.workingDays())) : cards.get(0);
    }

    private List<Card> cards(Long bankId, YearMonth month) {
        Instant from = calendar.startOf(month.atDay(1));
        LocalDate next = month.plusMonths(1).atDay(1);
        Instant to = calendar.startOf(next);
        // the current month is measured as of now: an application decided earlier today is not overdue-undecided
        boolean current = next.isAfter(calendar.today());
        LocalDate asOf = current ? calendar.today() : next;
        Instant asOfInstant = current ? clock.instant() : to;
        Map<Long, List<DecisionRow>> decisions = mapper.decisions(bankId, from, to).stream()
                .collect(Collectors.groupingBy(DecisionRow::bankId));
        Map<Long, BankCountRow> received = byBank(mapper.received(bankId, from, to));
        Map<Long, BankCountRow> overdue = byBank(mapper.overdueAt(bankId, asOf, asOfInstant));
        Map<Long, String> names = new TreeMap<>();
        decisions.forEach((id, rows) -> names.put(id, rows.get(0).bankName()));
        received.forEach((id, row) -> names.put(id, row.bankName()));
        overdue.forEach((id, row) -> names.put(id, row.bankName()));
        return workingCalendar.compute(days -> {
            // a month the calendar does not cover is refused even when it has no decisions to measure yet
            days.requireYear(month.getYear());
            List<Card> cards = new ArrayList<>();
            names.forEach((id, name) -> cards.add(new Card(id, name, month, count(received, id),
                    count(overdue, id), Scorecard.of(decisions.getOrDefault(id, List.of()).stream()
                            .map(this::decision).toList(), days, deadlines.workingDays()))));
            return cards;
        });
    }

    private Scorecard.Decision decision(DecisionRow r) {
        return new Scorecard.Decision(calendar.dateOf(r.submittedAt()), calendar.dateOf(r.decidedAt()),
                r.respondBy(), r.approved(), r.rejectionReason(), r.offerAmount());
    }

    private static Map<Long, BankCountRow> byBank(List<BankCountRow> rows) {
        return rows.stream().collect(Collectors.toMap(BankCountRow::bankId, Function.identity()));
    }

    private static int count(Map<Long, BankCountRow> counts, long bankId) {
        BankCountRow row = counts.get(bankId);
        return row == null ? 0 : row.count();
    }
}
