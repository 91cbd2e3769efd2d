package cn.ipf.app.creditline;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.creditline.policy.CreditLimits;
import cn.ipf.app.creditline.policy.CreditLineStatus;
import cn.ipf.app.loan.LoanLookup;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.shared.web.Pages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 集合授信 collective credit lines: a bank grants one line to a group of library enterprises (each admitted and
 * sharing its data with the bank; from a matching event the bank was invited to, or a list), with per-enterprise
 * sub-limits; it reports drawdowns, which reduce the line's and the member's available limit. A drawdown is two
 * conditional UPDATEs (line, then member: one lock order for all) that apply only while the sums stay within the
 * limits, so concurrent drawdowns can never take a line or a member below zero. Expiry is read from the clock
 * ({@link CreditLineStatus#on}), not written by a job. Regulators read every line's usage.
 */
@Service
public class CreditLines {

    public record NewMember(long enterpriseId, BigDecimal subLimit) {
    }

    public record NewLine(String externalId, long productId, Long eventId, BigDecimal totalLimit,
            LocalDate validFrom, LocalDate validUntil, List<NewMember> members) {
    }

    public record NewDrawdown(String externalId, long enterpriseId, BigDecimal amount, LocalDate drawnOn,
            String loanRef) {
    }

    /** A line as of today: its status and figures computed on read; members empty in lists. */
    public record Line(CreditLineRow row, CreditLineStatus status, BigDecimal available, BigDecimal released,
            List<Member> members) {
    }

    public record Member(MemberRow row, BigDecimal available) {
    }

    public record Page(List<Line> items, long total) {
    }

    /** {@code created} is false when the same line or drawdown had been reported under its external id. */
    public record Granted(Line line, boolean created) {
    }

    public record Drawn(DrawdownRow drawdown, boolean created) {
    }

    private final CreditLineMapper mapper;
    private final LoanLookup loans;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;

    CreditLines(CreditLineMapper mapper, LoanLookup loans, AccessPolicy access, AuditTrail audit,
            BusinessCalendar calendar, Clock clock) {
        this.mapper = mapper;
        this.loans = loans;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Granted grant(long bankId, NewLine n) {
        BigDecimal total = Yuan.of(n.totalLimit(), "totalLimit");
        List<MemberRow> members = n.members().stream()
                .map(m -> new MemberRow(m.enterpriseId(), null, Yuan.of(m.subLimit(), "subLimit"), BigDecimal.ZERO))
                .toList();
        Map<String, String> wrong = CreditLimits.termViolations(total, n.validFrom(), n.validUntil(),
                members.stream().map(MemberRow::enterpriseId).toList(),
                members.stream().map(MemberRow::subLimit).toList());
        if (!wrong.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, wrong.entrySet().stream()
                    .map(e -> new FieldViolation(e.getKey(), e.getValue())).toList());
        }
        CreditLineRow existing = mapper.byExternalId(bankId, n.externalId());
        if (existing != null) {
            if (!sameLine(existing, n, total, members)) {
                throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, n.externalId());
            }
            return new Granted(line(existing, true), false);
        }
        if (!mapper.productOfBank(bankId, n.productId())) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, n.productId());
        }
        if (n.eventId() != null && !mapper.invitedToEvent(bankId, n.eventId())) {
            throw new ApiException(ErrorCode.MATCHING_EVENT_NOT_FOUND, n.eventId());
        }
        List<Long> ids = members.stream().map(MemberRow::enterpriseId).toList();
        Set<Long> eligible = new HashSet<>(mapper.eligible(bankId, n.eventId(), ids));
        for (Long id : ids) {
            if (!eligible.contains(id)) {
                throw new ApiException(ErrorCode.ENTERPRISE_NOT_ELIGIBLE, id, n.eventId() == null
                        ? "not admitted or not sharing its data with the bank"
                        : "not admitted, not sharing its data with the bank, or not on the event")
                        .with("enterpriseId", id);
            }
        }
        GeneratedId key = new GeneratedId();
        mapper.insert(new CreditLineRow(0, bankId, null, n.externalId(), n.productId(), n.eventId(), total,
                BigDecimal.ZERO, n.validFrom(), n.validUntil(), null, members.size()), clock.instant(), key);
        mapper.insertMembers(key.getId(), members);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("externalId", n.externalId());
        changes.put("productId", n.productId());
        changes.put("eventId", n.eventId());
        changes.put("totalLimit", total.toPlainString());
        changes.put("validFrom", n.validFrom().toString());
        changes.put("validUntil", n.validUntil().toString());
        changes.put("members", members.stream().collect(Collectors.toMap(m -> String.valueOf(m.enterpriseId()),
                m -> m.subLimit().toPlainString(), (a, b) -> a, LinkedHashMap::new)));
        audit.record("CREDIT_LINE_GRANTED", "CREDIT_LINE", key.getId(), changes);
        return new Granted(line(mapper.line(key.getId()), true), true);
    }

    @Transactional
    public Drawn draw(long bankId, long lineId, NewDrawdown d) {
        BigDecimal amount = Yuan.of(d.amount(), "amount");
        DrawdownRow existing = mapper.drawdownByExternalId(bankId, d.externalId());
        if (existing != null) {
            if (existing.lineId() != lineId || existing.enterpriseId() != d.enterpriseId()
                    || existing.amount().compareTo(amount) != 0 || !existing.drawnOn().equals(d.drawnOn())
                    || !Objects.equals(existing.loanRef(), d.loanRef())) {
                throw new ApiException(ErrorCode.EXTERNAL_ID_CONFLICT, d.externalId());
            }
            return new Drawn(existing, false);
        }
        CreditLineRow line = ofBank(bankId, mapper.line(lineId), lineId);
        LocalDate today = calendar.today();
        requireStep(line, today, CreditLineStatus.Step.DRAW);
        if (d.drawnOn().isBefore(line.validFrom()) || d.drawnOn().isAfter(today)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("drawnOn",
                    "between the line's validFrom " + line.validFrom() + " and today")));
        }
        if (mapper.members(lineId).stream().noneMatch(m -> m.enterpriseId() == d.enterpriseId())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, List.of(new FieldViolation("enterpriseId",
                    "a member of the line")));
        }
        Long loanId = null;
        if (d.loanRef() != null) {
            loanId = loans.loanOf(bankId, d.loanRef(), d.enterpriseId())
                    .orElseThrow(() -> new ApiException(ErrorCode.LOAN_NOT_FOUND, d.loanRef()));
            if (mapper.loanDrawn(loanId)) {
                throw new ApiException(ErrorCode.LOAN_ALREADY_LINKED, d.loanRef());
            }
        }
        if (mapper.draw(lineId, amount, today) == 0) {
            CreditLineRow now = mapper.line(lineId);
            requireStep(now, today, CreditLineStatus.Step.DRAW);
            throw exceeded(amount, now, today, d.enterpriseId());
        }
        if (mapper.drawMember(lineId, d.enterpriseId(), amount) == 0) {
            // the line's UPDATE above is rolled back with the request; report the figures before this drawdown
            CreditLineRow before = mapper.line(lineId);
            throw exceeded(amount, new CreditLineRow(before.id(), before.bankId(), before.bankName(),
                    before.externalId(), before.productId(), before.eventId(), before.totalLimit(),
                    before.drawn().subtract(amount), before.validFrom(), before.validUntil(), before.closedAt(),
                    before.memberCount()), today, d.enterpriseId());
        }
        GeneratedId key = new GeneratedId();
        mapper.insertDrawdown(lineId, bankId, d.externalId(), d.enterpriseId(), amount, d.drawnOn(), loanId,
                clock.instant(), key);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("drawdownId", key.getId());
        changes.put("externalId", d.externalId());
        changes.put("enterpriseId", d.enterpriseId());
        changes.put("amount", amount.toPlainString());
        changes.put("drawnOn", d.drawnOn().toString());
        changes.put("loanRef", d.loanRef());
        audit.record("CREDIT_LINE_DRAWN", "CREDIT_LINE", lineId, changes);
        return new Drawn(mapper.drawdown(key.getId()), true);
    }

    @Transactional
    public Line close(long bankId, long lineId) {
        CreditLineRow line = ofBank(bankId, mapper.lock(lineId), lineId);
        CreditLineStatus status = requireStep(line, calendar.today(), CreditLineStatus.Step.CLOSE);
        mapper.close(lineId, clock.instant());
        audit.record("CREDIT_LINE_CLOSED", "CREDIT_LINE", lineId, Map.of("from", status.name(),
                "released", line.totalLimit().subtract(line.drawn()).toPlainString()));
        return line(mapper.line(lineId), true);
    }

    @Transactional(readOnly = true)
    public Line ofBank(long bankId, long lineId) {
        return line(ofBank(bankId, mapper.line(lineId), lineId), true);
    }

    @Transactional(readOnly = true)
    public Page ofBank(long bankId, Pages.Request request) {
        return page(bankId, request);
    }

    /** Every bank's lines, for regulators ({@link Permission#READ_CREDIT_LINES}). */
    @Transactional(readOnly = true)
    public Page all(Long bankId, Pages.Request request) {
        access.require(access.caller(), Permission.READ_CREDIT_LINES);
        return page(bankId, request);
    }

    @Transactional(readOnly = true)
    public Line any(long lineId) {
        access.require(access.caller(), Permission.READ_CREDIT_LINES);
        CreditLineRow row = mapper.line(lineId);
        if (row == null) {
            throw new ApiException(ErrorCode.CREDIT_LINE_NOT_FOUND, lineId);
        }
        return line(row, true);
    }

    private Page page(Long bankId, Pages.Request request) {
        return new Page(mapper.page(bankId, request.offset(), request.size()).stream().map(r -> line(r, false))
                .toList(), mapper.count(bankId));
    }

    private Line line(CreditLineRow r, boolean withMembers) {
        CreditLineStatus status = CreditLineStatus.on(calendar.today(), r.validUntil(), r.closedAt() != null);
        BigDecimal available = CreditLimits.available(r.totalLimit(), r.drawn(), status);
        List<Member> members = withMembers ? mapper.members(r.id()).stream()
                .map(m -> new Member(m, CreditLimits.memberAvailable(m.subLimit(), m.drawn(), available))).toList()
                : List.of();
        return new Line(r, status, available, CreditLimits.released(r.totalLimit(), r.drawn(), status), members);
    }

    private static CreditLineRow ofBank(long bankId, CreditLineRow row, long lineId) {
        if (row == null || row.bankId() != bankId) {
            throw new ApiException(ErrorCode.CREDIT_LINE_NOT_FOUND, lineId);
        }
        return row;
    }

    private static CreditLineStatus requireStep(CreditLineRow line, LocalDate today, CreditLineStatus.Step step) {
        CreditLineStatus status = CreditLineStatus.on(today, line.validUntil(), line.closedAt() != null);
        if (!status.allows(step)) {
            throw ApiException.illegalTransition(status, step);
        }
        return status;
    }

    private ApiException exceeded(BigDecimal amount, CreditLineRow line, LocalDate today, long enterpriseId) {
        CreditLineStatus status = CreditLineStatus.on(today, line.validUntil(), line.closedAt() != null);
        BigDecimal lineAvailable = CreditLimits.available(line.totalLimit(), line.drawn(), status);
        BigDecimal memberAvailable = mapper.members(line.id()).stream().filter(m -> m.enterpriseId() == enterpriseId)
                .findFirst().map(m -> CreditLimits.memberAvailable(m.subLimit(), m.drawn(), lineAvailable))
                .orElse(BigDecimal.ZERO);
        return new ApiException(ErrorCode.CREDIT_LIMIT_EXCEEDED, amount.toPlainString(),
                lineAvailable.toPlainString(), memberAvailable.toPlainString())
                .with("lineAvailable", lineAvailable).with("memberAvailable", memberAvailable);
    }

    private boolean sameLine(CreditLineRow existing, NewLine n, BigDecimal total, List<MemberRow> members) {
        Map<Long, BigDecimal> had = mapper.members(existing.id()).stream()
                .collect(Collectors.toMap(MemberRow::enterpriseId, MemberRow::subLimit));
        Map<Long, BigDecimal> asked = members.stream()
                .collect(Collectors.toMap(MemberRow::enterpriseId, MemberRow::subLimit));
        return existing.productId() == n.productId() && Objects.equals(existing.eventId(), n.eventId())
                && existing.totalLimit().compareTo(total) == 0 && existing.validFrom().equals(n.validFrom())
                && existing.validUntil().equals(n.validUntil()) && had.keySet().equals(asked.keySet())
                && had.entrySet().stream().allMatch(e -> e.getValue().compareTo(asked.get(e.getKey())) == 0);
    }
}
