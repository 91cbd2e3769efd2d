package cn.ipf.app.compensation;

import cn.ipf.api.model.CompensationProgramme;
import cn.ipf.api.model.CompensationRuleVersionForm;
import cn.ipf.api.model.CooperationAgreement;
import cn.ipf.api.model.FundDeposit;
import cn.ipf.api.model.NewCompensationProgramme;
import cn.ipf.api.model.NewCooperationAgreement;
import cn.ipf.api.model.NewFundDeposit;
import cn.ipf.api.model.NplRateValue;
import cn.ipf.api.model.OverallNplRate;
import cn.ipf.api.server.AdminCompensationApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminCompensationController implements AdminCompensationApi {

    private final CompensationProgrammes programmes;
    private final Ledger ledger;
    private final Supervision supervision;

    AdminCompensationController(CompensationProgrammes programmes, Ledger ledger, Supervision supervision) {
        this.programmes = programmes;
        this.ledger = ledger;
        this.supervision = supervision;
    }

    @Override
    public ResponseEntity<List<CompensationProgramme>> listAdminCompensationProgrammes() {
        return ResponseEntity.ok(programmes.all().stream().map(CompensationViews::programme).toList());
    }

    @Override
    public ResponseEntity<CompensationProgramme> createCompensationProgramme(NewCompensationProgramme p,
            String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CompensationViews.programme(programmes.create(
                p.getName(), p.getRegionCode(), p.getEffectiveFrom(), CompensationViews.rules(p.getRules()))));
    }

    @Override
    public ResponseEntity<CompensationProgramme> addCompensationRuleVersion(Long programmeId,
            CompensationRuleVersionForm form, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CompensationViews.programme(programmes.addVersion(
                programmeId, form.getEffectiveFrom(), CompensationViews.rules(form.getRules()))));
    }

    @Override
    public ResponseEntity<CooperationAgreement> createCooperationAgreement(Long programmeId,
            NewCooperationAgreement a, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CompensationViews.agreement(programmes.addAgreement(
                programmeId, a.getBankId(), a.getAgreementNo(), a.getActiveFrom(), a.getActiveTo(),
                a.getAttributedFundAmount())));
    }

    @Override
    public ResponseEntity<FundDeposit> depositToFund(Long fundId, NewFundDeposit d, String idempotencyKey) {
        Ledger.Deposit deposit = ledger.deposit(fundId, d.getKind().getValue(), d.getAmount(), d.getReference(),
                d.getDepositedOn());
        return ResponseEntity.status(deposit.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new FundDeposit()
                .depositId(deposit.row().id()).fundId(fundId).kind(d.getKind()).amount(deposit.row().amount())
                .reference(deposit.row().reference()).depositedOn(deposit.row().depositedOn())
                .journalId(deposit.row().journalId()).fundBalance(deposit.fundBalance()));
    }

    @Override
    public ResponseEntity<OverallNplRate> setOverallNplRate(Long bankId, String month, NplRateValue value) {
        return ResponseEntity.ok(CompensationViews.nplRate(supervision.set(bankId, month, value.getRate())));
    }
}
