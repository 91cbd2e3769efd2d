package cn.ipf.app.library;

import cn.ipf.api.model.AdmissionDecision;
import cn.ipf.api.model.Appraisal;
import cn.ipf.api.model.AppraisalForm;
import cn.ipf.api.model.DecisionComment;
import cn.ipf.api.model.Enterprise;
import cn.ipf.api.model.EnterpriseChange;
import cn.ipf.api.model.EnterpriseForm;
import cn.ipf.api.model.FinancingDemand;
import cn.ipf.api.model.FinancingDemandForm;
import cn.ipf.api.model.GeographicalIndication;
import cn.ipf.api.model.GeographicalIndicationForm;
import cn.ipf.api.model.HighValueMarkers;
import cn.ipf.api.model.Patent;
import cn.ipf.api.model.PatentForm;
import cn.ipf.api.model.Trademark;
import cn.ipf.api.model.TrademarkForm;
import cn.ipf.api.server.LibraryEnterprisesApi;
import cn.ipf.app.library.policy.PatentType;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LibraryEnterpriseController implements LibraryEnterprisesApi {

    private final EnterpriseService enterprises;
    private final IpAssetService assets;
    private final DemandService demands;
    private final AdmissionService admission;

    LibraryEnterpriseController(EnterpriseService enterprises, IpAssetService assets, DemandService demands,
            AdmissionService admission) {
        this.enterprises = enterprises;
        this.assets = assets;
        this.demands = demands;
        this.admission = admission;
    }

    @Override
    public ResponseEntity<Enterprise> registerEnterprise(EnterpriseForm form, String idempotencyKey) {
        EnterpriseView created = enterprises.register(profile(form));
        return ResponseEntity.created(URI.create("/api/v1/library/enterprises/" + created.record().id()))
                .body(LibraryViews.enterprise(created));
    }

    @Override
    public ResponseEntity<Enterprise> getEnterprise(Long enterpriseId) {
        return ResponseEntity.ok(LibraryViews.enterprise(enterprises.find(enterpriseId)));
    }

    @Override
    public ResponseEntity<Enterprise> updateEnterprise(Long enterpriseId, EnterpriseForm form) {
        return ResponseEntity.ok(LibraryViews.enterprise(enterprises.update(enterpriseId, profile(form))));
    }

    @Override
    public ResponseEntity<Enterprise> patchEnterprise(Long enterpriseId, EnterpriseChange c, String idempotencyKey) {
        return ResponseEntity.ok(LibraryViews.enterprise(enterprises.patch(enterpriseId, new EnterpriseService.Change(
                c.getName(), c.getLegalRepresentativeName(), c.getLegalRepresentativeIdNumber(), c.getDistrictCode(),
                c.getIndustryCode(), c.getEmployees(), c.getAnnualRevenue(), c.getTotalAssets(), c.getHighTech(),
                c.getSpecializedSme(), c.getIpmCertificateNo(), c.getIpmCertificateValidUntil()))));
    }

    @Override
    public ResponseEntity<Patent> addPatent(Long enterpriseId, PatentForm form, String idempotencyKey) {
        HighValueMarkers hv = form.getHighValue() == null ? new HighValueMarkers() : form.getHighValue();
        IpAssetMapper.PatentRow patent = assets.addPatent(enterpriseId, new IpAssetService.NewPatent(
                form.getApplicationNo(), PatentType.valueOf(form.getType().getValue()), form.getTitle(),
                form.getFilingDate(), form.getGrantDate(), form.getExpiryDate(), form.getLegalStatus().getValue(),
                form.getIpcMainClass(), form.getCoOwnerEnterpriseIds(), Boolean.TRUE.equals(
                        hv.getStrategicEmergingIndustry()), Boolean.TRUE.equals(hv.getForeignFamilyMember()),
                Boolean.TRUE.equals(hv.getMaintainedOverTenYears()), Boolean.TRUE.equals(hv.getAward())));
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.patent(patent, null));
    }

    @Override
    public ResponseEntity<List<Patent>> listPatents(Long enterpriseId) {
        List<IpAssetMapper.PatentRow> patents = assets.patents(enterpriseId);
        Map<Long, IpAssetMapper.AppraisalRow> appraisals = assets.latestPatentAppraisals(enterpriseId);
        return ResponseEntity.ok(patents.stream().map(p -> LibraryViews.patent(p, appraisals.get(p.id()))).toList());
    }

    @Override
    public ResponseEntity<Trademark> addTrademark(Long enterpriseId, TrademarkForm form, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.trademark(assets.addTrademark(
                enterpriseId, form.getRegistrationNo(), form.getMarkName(), form.getNiceClass(),
                form.getValidUntil())));
    }

    @Override
    public ResponseEntity<List<Trademark>> listTrademarks(Long enterpriseId) {
        return ResponseEntity.ok(assets.trademarks(enterpriseId).stream().map(LibraryViews::trademark).toList());
    }

    @Override
    public ResponseEntity<GeographicalIndication> addGeographicalIndication(Long enterpriseId,
            GeographicalIndicationForm form, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.indication(assets.addIndication(
                enterpriseId, form.getRegistrationNo(), form.getName(), form.getValidUntil())));
    }

    @Override
    public ResponseEntity<List<GeographicalIndication>> listGeographicalIndications(Long enterpriseId) {
        return ResponseEntity.ok(assets.indications(enterpriseId).stream().map(LibraryViews::indication).toList());
    }

    @Override
    public ResponseEntity<Appraisal> addAppraisal(Long enterpriseId, AppraisalForm form, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.appraisal(assets.addAppraisal(
                enterpriseId, form.getAssetKind().getValue(), form.getAssetId(), form.getAppraisedValue(),
                form.getAppraiser(), form.getReportNo(), form.getAppraisedOn())));
    }

    @Override
    public ResponseEntity<FinancingDemand> getOpenDemand(Long enterpriseId) {
        return ResponseEntity.ok(LibraryViews.demand(demands.open(enterpriseId)
                .orElseThrow(() -> new ApiException(ErrorCode.DEMAND_NOT_FOUND))));
    }

    @Override
    public ResponseEntity<FinancingDemand> putOpenDemand(Long enterpriseId, FinancingDemandForm form) {
        return ResponseEntity.ok(LibraryViews.demand(demands.state(enterpriseId, form.getAmount(),
                form.getTermMonths(), form.getPurpose(), form.getPreferredBankIds(), form.getNeededBy())));
    }

    @Override
    public ResponseEntity<Void> closeOpenDemand(Long enterpriseId) {
        demands.close(enterpriseId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<AdmissionDecision> submitForAdmission(Long enterpriseId, String idempotencyKey,
            DecisionComment body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.decision(
                admission.submit(enterpriseId, body == null ? null : body.getComment())));
    }

    static EnterpriseService.Profile profile(EnterpriseForm f) {
        return new EnterpriseService.Profile(f.getUscc(), f.getName(), f.getLegalRepresentativeName(),
                f.getLegalRepresentativeIdNumber(), f.getDistrictCode(), f.getIndustryCode(), f.getEmployees(),
                f.getAnnualRevenue(), f.getTotalAssets(), Boolean.TRUE.equals(f.getHighTech()),
                Boolean.TRUE.equals(f.getSpecializedSme()), f.getIpmCertificateNo(), f.getIpmCertificateValidUntil());
    }
}
