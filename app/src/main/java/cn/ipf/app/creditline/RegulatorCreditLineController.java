package cn.ipf.app.creditline;

import cn.ipf.api.model.CreditLine;
import cn.ipf.api.model.CreditLinePage;
import cn.ipf.api.server.RegulatorCreditLinesApi;
import cn.ipf.app.shared.web.Pages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegulatorCreditLineController implements RegulatorCreditLinesApi {

    private final CreditLines lines;

    RegulatorCreditLineController(CreditLines lines) {
        this.lines = lines;
    }

    @Override
    public ResponseEntity<CreditLinePage> listRegulatorCreditLines(Long bankId, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        return ResponseEntity.ok(CreditLineViews.page(lines.all(bankId, request), request));
    }

    @Override
    public ResponseEntity<CreditLine> getRegulatorCreditLine(Long lineId) {
        return ResponseEntity.ok(CreditLineViews.line(lines.any(lineId)));
    }
}
