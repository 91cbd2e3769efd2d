package cn.ipf.app.pledgehealth.policy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 法律状态事件 a legal-status change of a pledged asset as published in CNIPA's patent gazette or the trademark
 * gazette, with what the enterprise should do (zh, en) and until when. Every kind puts the pledge at risk.
 */
public enum LegalEventKind {
    /** 未缴年费专利权终止: the right lapsed because an annual fee was not paid. */
    PATENT_FEE_LAPSE(true,
            "专利权因未缴年费终止：如自应缴年费期满之日起6个月内，请立即补缴年费及滞纳金；已公告终止的，请在收到终止通知之日起2个月内请求恢复权利，并告知质权银行。",
            "Lapsed for an unpaid annual fee: within 6 months of the due date pay the fee and the late fee at once; "
                    + "once termination is notified, request restoration within 2 months of the notice, and tell "
                    + "the pledgee bank."),
    /** 无效宣告: the patent was declared (wholly or partly) invalid. */
    PATENT_INVALIDATION(true,
            "专利权被宣告无效：可自收到决定之日起3个月内向人民法院起诉；请与质权银行协商补充或替换担保。",
            "Declared invalid: a court action may be brought within 3 months of receiving the decision; agree "
                    + "additional or substitute collateral with the pledgee bank."),
    /** 专利权转让: ownership changed while pledged. */
    PATENT_TRANSFER(true,
            "出质专利发生转让：出质后转让须经质权人同意（民法典第444条）；请立即与质权银行联系。",
            "Transferred while pledged: a pledged right may be transferred only with the pledgee's consent "
                    + "(Civil Code Art. 444); contact the pledgee bank at once."),
    /** 期限届满: the statutory term ended. */
    PATENT_EXPIRY(true,
            "专利权期限届满终止：质物已失效，请与质权银行协商替换担保。",
            "The term ended: the collateral is gone; agree substitute collateral with the pledgee bank."),
    /** 商标注销 / 撤销: the registration was cancelled or revoked. */
    TRADEMARK_CANCELLATION(false,
            "注册商标被注销或撤销：请与质权银行协商替换担保；因未续展注销的，核实是否仍在宽展期内。",
            "Cancelled or revoked: agree substitute collateral with the pledgee bank; if for non-renewal, check "
                    + "whether the 6-month grace period is still open."),
    /** 商标宣告无效. */
    TRADEMARK_INVALIDATION(false,
            "注册商标被宣告无效：可自收到裁定之日起30日内向人民法院起诉；请与质权银行协商替换担保。",
            "Declared invalid: a court action may be brought within 30 days of receiving the ruling; agree "
                    + "substitute collateral with the pledgee bank."),
    /** 商标转让. */
    TRADEMARK_TRANSFER(false,
            "出质商标发生转让：出质后转让须经质权人同意（民法典第444条）；请立即与质权银行联系。",
            "Transferred while pledged: only with the pledgee's consent (Civil Code Art. 444); contact the "
                    + "pledgee bank at once."),
    /** 商标有效期届满未续展. */
    TRADEMARK_EXPIRY(false,
            "注册商标有效期届满：请在期满后6个月宽展期内办理续展，并告知质权银行。",
            "The registration expired: renew within the 6-month grace period and tell the pledgee bank.");

    private final boolean patent;
    private final String actionZh;
    private final String actionEn;

    LegalEventKind(boolean patent, String actionZh, String actionEn) {
        this.patent = patent;
        this.actionZh = actionZh;
        this.actionEn = actionEn;
    }

    /** True for a patent event, false for a trademark event. */
    public boolean patent() {
        return patent;
    }

    public String actionZh() {
        return actionZh;
    }

    public String actionEn() {
        return actionEn;
    }

    /**
     * The last day the enterprise can still cure the event, counted from the gazette (or decision) date taken as
     * the day of notice, where a deadline exists: a lapse is gazetted after the 6-month fee grace has run out, so
     * what is left is restoration within 2 months of the notice (Implementing Rules Art. 6); a court action against a
     * patent invalidation within 3 months (Patent Law Art. 46), against a trademark invalidation within 30 days
     * (Trademark Law Art. 44); trademark renewal within 6 months after expiry (Art. 40). Transfers, patent expiry and
     * trademark cancellation have none.
     */
    public Optional<LocalDate> cureBy(LocalDate eventDate) {
        return switch (this) {
            case PATENT_FEE_LAPSE -> Optional.of(eventDate.plusMonths(2));
            case PATENT_INVALIDATION -> Optional.of(eventDate.plusMonths(3));
            case TRADEMARK_INVALIDATION -> Optional.of(eventDate.plusDays(30));
            case TRADEMARK_EXPIRY -> Optional.of(TrademarkTerms.graceEnd(eventDate));
            case PATENT_TRANSFER, PATENT_EXPIRY, TRADEMARK_CANCELLATION, TRADEMARK_TRANSFER -> Optional.empty();
        };
    }
}
