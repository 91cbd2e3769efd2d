package cn.ipf.app.subsidy;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Decimals;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.LprTable;
import cn.ipf.app.subsidy.policy.InterestSubsidyCalculator.MissingLprException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** LPR 一年期贷款市场报价利率 the 1-year LPR by month: seeded, then added month by month by administrators. */
@Service
public class LprRates {

    private final ProgrammeMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private volatile Map<YearMonth, BigDecimal> snapshot = Map.of();

    LprRates(ProgrammeMapper mapper, AccessPolicy access, AuditTrail audit, BusinessCalendar calendar, Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    List<ProgrammeMapper.LprRow> all() {
        return mapper.lprRates();
    }

    /**
     * The table as the calculator reads it; a missing month is a MissingLprException naming it. Months are only
     * ever added, so a snapshot serves until a month is missing from it: then it is read again once.
     */
    public LprTable table() {
        return month -> {
            BigDecimal rate = snapshot.get(month);
            if (rate == null) {
                snapshot = read();
                rate = snapshot.get(month);
            }
            if (rate == null) {
                throw new MissingLprException(month);
            }
            return rate;
        };
    }

    private Map<YearMonth, BigDecimal> read() {
        Map<YearMonth, BigDecimal> rates = new HashMap<>();
        mapper.lprRates().forEach(r -> rates.put(YearMonth.parse(r.rateMonth()), r.oneYear()));
        return Map.copyOf(rates);
    }

    @Transactional
    ProgrammeMapper.LprRow add(String month, BigDecimal rate) {
        YearMonth parsed = YearMonth.parse(month);
        if (parsed.isAfter(YearMonth.from(calendar.today()))) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldViolation("month", "must not be after the current month")));
        }
        Decimals.atMost(rate, 4, "oneYearRate");
        if (mapper.lprExists(month)) {
            throw new ApiException(ErrorCode.LPR_MONTH_EXISTS, month);
        }
        mapper.insertLpr(month, rate, access.caller().userId(), clock.instant());
        audit.record("LPR_RATE_ADDED", "LPR_RATE", month, Map.of("oneYearRate", rate.toPlainString()));
        return new ProgrammeMapper.LprRow(month, rate);
    }
}
