package cn.ipf.app.loan.policy;

import cn.ipf.app.calendar.policy.WorkingDays;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 银行响应评分 a bank's figures of a month from its first decisions: response time in working days (submission day
 * not counted) as median and 90th percentile by nearest rank, the share decided by the deadline, the approval rate,
 * the rejections by reason and the amounts offered. Shares are fractions to 4 decimals, HALF_UP; null without
 * decisions.
 */
public record Scorecard(int decisions, int approvals, int rejections, Integer medianWorkingDays,
        Integer p90WorkingDays, BigDecimal onTimeShare, BigDecimal approvalRate, Map<String, Integer> rejectReasons,
        BigDecimal amountGranted) {

    /** One first decision: the business dates it spans, its deadline (null when not fixed at submission). */
    public record Decision(LocalDate submitted, LocalDate decided, LocalDate respondBy, boolean approved,
            String rejectionReason, BigDecimal offerAmount) {
    }

    /** The figures; a decision without a fixed deadline is measured against the deadline the days give now. */
    public static Scorecard of(List<Decision> decisions, WorkingDays days, int deadlineWorkingDays) {
        int n = decisions.size();
        int[] responseDays = new int[n];
        int onTime = 0;
        int approvals = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        BigDecimal granted = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < n; i++) {
            Decision d = decisions.get(i);
            responseDays[i] = days.workingDaysBetween(d.submitted(), d.decided());
            LocalDate respondBy = d.respondBy() != null ? d.respondBy()
                    : days.plusWorkingDays(d.submitted(), deadlineWorkingDays);
            if (!d.decided().isAfter(respondBy)) {
                onTime++;
            }
            if (d.approved()) {
                approvals++;
                granted = granted.add(d.offerAmount());
            } else {
                reasons.merge(d.rejectionReason(), 1, Integer::sum);
            }
        }
        Arrays.sort(responseDays);
        return new Scorecard(n, approvals, n - approvals, nearestRank(responseDays, 50),
                nearestRank(responseDays, 90), share(onTime, n), share(approvals, n), reasons, granted);
    }

    /** The p-th percentile by nearest rank: the smallest value with at least p % of the values at or below it. */
    static Integer nearestRank(int[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (p * sorted.length + 99) / 100;
        return sorted[Math.max(rank, 1) - 1];
    }

    private static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
