package cn.ipf.app.creditline;

import cn.ipf.api.model.CreditLine;
import cn.ipf.api.model.CreditLineMember;
import cn.ipf.api.model.CreditLinePage;
import cn.ipf.api.model.CreditLineStatus;
import cn.ipf.api.model.Drawdown;
import cn.ipf.app.shared.web.Pages;

/** Credit lines and drawdowns as the contract shows them. */
final class CreditLineViews {

    private CreditLineViews() {
    }

    static CreditLine line(CreditLines.Line l) {
        CreditLineRow r = l.row();
        return new CreditLine().lineId(r.id()).externalId(r.externalId()).bankId(r.bankId()).bankName(r.bankName())
                .productId(r.productId()).eventId(r.eventId()).totalLimit(r.totalLimit()).drawn(r.drawn())
                .available(l.available()).released(l.released()).validFrom(r.validFrom())
                .validUntil(r.validUntil()).status(CreditLineStatus.fromValue(l.status().name()))
                .memberCount(r.memberCount())
                .members(l.members().stream().map(m -> new CreditLineMember().enterpriseId(m.row().enterpriseId())
                        .enterpriseName(m.row().enterpriseName()).subLimit(m.row().subLimit())
                        .drawn(m.row().drawn()).available(m.available())).toList());
    }

    static CreditLinePage page(CreditLines.Page page, Pages.Request request) {
        return new CreditLinePage().items(page.items().stream().map(CreditLineViews::line).toList())
                .page(request.meta(page.total()));
    }

    static Drawdown drawdown(DrawdownRow d) {
        return new Drawdown().drawdownId(d.id()).lineId(d.lineId()).externalId(d.externalId())
                .enterpriseId(d.enterpriseId()).amount(d.amount()).drawnOn(d.drawnOn()).loanRef(d.loanRef());
    }
}
