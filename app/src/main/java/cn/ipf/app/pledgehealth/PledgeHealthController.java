package cn.ipf.app.pledgehealth;

import cn.ipf.api.model.LegalStatusImport;
import cn.ipf.api.model.LegalStatusImportResult;
import cn.ipf.api.model.PledgeAlert;
import cn.ipf.api.model.PledgeHealthSummary;
import cn.ipf.api.model.PledgeWarning;
import cn.ipf.api.model.PledgedAssetKind;
import cn.ipf.api.server.AdminPledgeHealthApi;
import cn.ipf.api.server.PledgeHealthApi;
import cn.ipf.app.pledgehealth.policy.LegalEventKind;
import cn.ipf.app.shared.web.ApiTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PledgeHealthController implements AdminPledgeHealthApi, PledgeHealthApi {

    private final PledgeHealth health;

    PledgeHealthController(PledgeHealth health) {
        this.health = health;
    }

    @Override
    public ResponseEntity<LegalStatusImportResult> importLegalStatusEvents(LegalStatusImport body) {
        PledgeHealth.Imported imported = health.importEvents(body.getEvents().stream()
                .map(e -> new PledgeHealth.EventInput(e.getAssetKind() == PledgedAssetKind.PATENT, e.getNumber(),
                        LegalEventKind.valueOf(e.getKind().getValue()), e.getEventDate(), e.getNote()))
                .toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(new LegalStatusImportResult()
                .imported(imported.imported()).alerts(toApi(imported.alerts())));
    }

    @Override
    public ResponseEntity<PledgeHealthSummary> listPledgeAlerts() {
        PledgeHealth.Summary s = health.summary();
        return ResponseEntity.ok(new PledgeHealthSummary().alertCount(s.alertCount())
                .atRiskPledgedValue(s.atRiskPledgedValue()).alerts(toApi(s.alerts())));
    }

    @Override
    public ResponseEntity<List<PledgeAlert>> listEnterprisePledgeAlerts(Long enterpriseId) {
        return ResponseEntity.ok(toApi(health.ofEnterprise(enterpriseId)));
    }

    @Override
    public ResponseEntity<List<PledgeWarning>> listEnterprisePledgeWarnings(Long enterpriseId) {
        return ResponseEntity.ok(health.warningsOf(enterpriseId).stream().map(w -> new PledgeWarning()
                .warningId(w.warningId()).enterpriseId(w.enterpriseId()).registrationNo(w.registrationNo())
                .assetKind(PledgedAssetKind.fromValue(w.assetKind())).assetId(w.assetId())
                .assetNumber(w.assetNumber()).warning(PledgeWarning.WarningEnum.fromValue(w.warningKind()))
                .dueOn(w.dueOn()).graceEnds(w.graceEnds())).toList());
    }

    private static List<PledgeAlert> toApi(List<PledgeAlertRow> rows) {
        return rows.stream().map(a -> {
            LegalEventKind kind = LegalEventKind.valueOf(a.eventKind());
            return new PledgeAlert().alertId(a.alertId()).enterpriseId(a.enterpriseId()).bankId(a.bankId())
                    .loanRef(a.loanRef()).registrationNo(a.registrationNo())
                    .assetKind(PledgedAssetKind.fromValue(a.assetKind())).assetId(a.assetId())
                    .assetNumber(a.assetNumber()).kind(cn.ipf.api.model.LegalEventKind.fromValue(a.eventKind()))
                    .eventDate(a.eventDate()).cureBy(a.cureBy()).securedAmount(a.securedAmount())
                    .actionZh(kind.actionZh()).actionEn(kind.actionEn()).raisedAt(ApiTime.utc(a.raisedAt()));
        }).toList();
    }
}
