package cn.ipf.app.creditline;

import cn.ipf.api.model.CreditLine;
import cn.ipf.api.model.CreditLinePage;
import cn.ipf.api.model.Drawdown;
import cn.ipf.api.model.NewCreditLine;
import cn.ipf.api.model.NewDrawdown;
import cn.ipf.api.server.BankCreditLinesApi;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.web.Pages;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankCreditLineController implements BankCreditLinesApi {

    private final CreditLines lines;

    BankCreditLineController(CreditLines lines) {
        this.lines = lines;
    }

    @Override
    public ResponseEntity<CreditLinePage> listBankCreditLines(Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        return ResponseEntity.ok(CreditLineViews.page(lines.ofBank(bank(), request), request));
    }

    @Override
    public ResponseEntity<CreditLine> grantCreditLine(String idempotencyKey, NewCreditLine n) {
        CreditLines.Granted granted = lines.grant(bank(), new CreditLines.NewLine(n.getExternalId(),
                n.getProductId(), n.getEventId(), n.getTotalLimit(), n.getValidFrom(), n.getValidUntil(),
                n.getMembers().stream().map(m -> new CreditLines.NewMember(m.getEnterpriseId(), m.getSubLimit()))
                        .toList()));
        CreditLine body = CreditLineViews.line(granted.line());
        if (!granted.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create(PATH_GET_BANK_CREDIT_LINE.replace("{lineId}",
                String.valueOf(body.getLineId())))).body(body);
    }

    @Override
    public ResponseEntity<CreditLine> getBankCreditLine(Long lineId) {
        return ResponseEntity.ok(CreditLineViews.line(lines.ofBank(bank(), lineId)));
    }

    @Override
    public ResponseEntity<Drawdown> reportCreditLineDrawdown(Long lineId, String idempotencyKey, NewDrawdown d) {
        CreditLines.Drawn drawn = lines.draw(bank(), lineId, new CreditLines.NewDrawdown(d.getExternalId(),
                d.getEnterpriseId(), d.getAmount(), d.getDrawnOn(), d.getLoanRef()));
        Drawdown body = CreditLineViews.drawdown(drawn.drawdown());
        return drawn.created() ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<CreditLine> closeCreditLine(Long lineId, String idempotencyKey) {
        return ResponseEntity.ok(CreditLineViews.line(lines.close(bank(), lineId)));
    }

    private static long bank() {
        return CurrentActor.get().bankId();
    }
}
