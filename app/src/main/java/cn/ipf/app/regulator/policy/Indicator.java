package cn.ipf.app.regulator.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 统计指标 the programme's indicators, each computed from the records (definitions in docs/policies.md). Amounts are
 * in yuan, the others are counts.
 */
public enum Indicator {
    /** 质押融资金额 principal of disbursed pledged loans, by disbursement date. */
    PLEDGE_FINANCING_AMOUNT("质押融资金额", "元"),
    /** 质押贷款笔数 disbursed pledged loans, by disbursement date. */
    PLEDGED_LOANS("质押贷款笔数", "笔"),
    /** 质押登记笔数 pledge registrations, by registration date. */
    PLEDGE_REGISTRATIONS("质押登记笔数", "笔"),
    /** 质押专利件数 distinct patents in those registrations. */
    PLEDGED_PATENTS("质押专利件数", "件"),
    /** 质押商标件数 distinct trademarks in those registrations. */
    PLEDGED_TRADEMARKS("质押商标件数", "件"),
    /** 服务企业数 distinct borrowers of the disbursed pledged loans. */
    ENTERPRISES_SERVED("服务企业数", "家"),
    /** 贴息兑付 subsidies paid, by payment date. */
    SUBSIDY_PAID("贴息兑付", "元"),
    /** 风险补偿代偿 compensation the funds paid, by posting date. */
    COMPENSATION_PAID("风险补偿代偿", "元"),
    /** 处置回收 gross recoveries banks reported on pledged loans, by recovery date. */
    RECOVERIES("处置回收", "元"),
    /**
     * 对接活动促成融资 the part of {@link #PLEDGE_FINANCING_AMOUNT} on loans a bank linked to a matching event's
     * intention (a loan counts for one intention only), by disbursement date.
     */
    EVENT_FACILITATED_FINANCING("对接活动促成融资", "元");

    private final String label;
    private final String unit;

    Indicator(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The indicator's Chinese name, as reports and the dashboard show it. */
    public String label() {
        return label;
    }

    /** The unit its figures are counted in: 元 for amounts, else 笔, 件 or 家. */
    public String unit() {
        return unit;
    }

    /** Amounts are yuan to the fen; the other indicators are whole counts. */
    public boolean isAmount() {
        return this == PLEDGE_FINANCING_AMOUNT || this == SUBSIDY_PAID || this == COMPENSATION_PAID
                || this == RECOVERIES || this == EVENT_FACILITATED_FINANCING;
    }

    /** The figure at its scale: 2 decimals for an amount, none for a count (SQL sums come as decimals). */
    public BigDecimal normalise(BigDecimal value) {
        return value.setScale(isAmount() ? 2 : 0, RoundingMode.UNNECESSARY);
    }
}
