package cn.ipf.app.subsidy;

import cn.ipf.api.model.LprRate;
import cn.ipf.api.model.NewSubsidyProgramme;
import cn.ipf.api.model.SubsidyProgramme;
import cn.ipf.api.model.SubsidyProgrammeChange;
import cn.ipf.api.model.SubsidyRuleVersion;
import cn.ipf.api.model.SubsidyRuleVersionForm;
import cn.ipf.api.server.AdminSubsidyApi;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminSubsidyController implements AdminSubsidyApi {

    private final LprRates lprRates;
    private final Programmes programmes;

    AdminSubsidyController(LprRates lprRates, Programmes programmes) {
        this.lprRates = lprRates;
        this.programmes = programmes;
    }

    @Override
    public ResponseEntity<List<LprRate>> listAdminLprRates() {
        return ResponseEntity.ok(SubsidyViews.lprRates(lprRates.all()));
    }

    @Override
    public ResponseEntity<List<SubsidyProgramme>> listAdminSubsidyProgrammes() {
        return ResponseEntity.ok(programmes.all().stream().map(SubsidyViews::programme).toList());
    }

    @Override
    public ResponseEntity<SubsidyProgramme> getAdminSubsidyProgramme(Long programmeId) {
        return ResponseEntity.ok(SubsidyViews.programme(programmes.get(programmeId)));
    }

    @Override
    public ResponseEntity<LprRate> addLprRate(LprRate body, String idempotencyKey) {
        ProgrammeMapper.LprRow added = lprRates.add(body.getMonth(), body.getOneYearRate());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new LprRate().month(added.rateMonth()).oneYearRate(added.oneYear()));
    }

    @Override
    public ResponseEntity<SubsidyProgramme> createSubsidyProgramme(NewSubsidyProgramme body, String idempotencyKey) {
        Programmes.Programme created = programmes.create(new Programmes.NewProgramme(body.getName(),
                body.getRegionCode(), body.getBudget(), body.getPeriodStart(), body.getPeriodEnd(),
                body.getDeclarationDays()));
        return ResponseEntity.created(URI.create("/api/v1/subsidy/programmes/" + created.row().id()))
                .body(SubsidyViews.programme(created));
    }

    @Override
    public ResponseEntity<SubsidyProgramme> updateSubsidyProgramme(Long programmeId, SubsidyProgrammeChange body,
            String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.programme(programmes.update(programmeId, body.getName(),
                body.getBudget(), body.getDeclarationDays())));
    }

    @Override
    public ResponseEntity<SubsidyRuleVersion> createSubsidyRuleVersion(Long programmeId, SubsidyRuleVersionForm body,
            String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(SubsidyViews.version(programmes.addVersion(
                programmeId, body.getEffectiveFrom(), SubsidyViews.interest(body.getInterest()),
                SubsidyViews.fees(body.getFees()))));
    }

    @Override
    public ResponseEntity<SubsidyRuleVersion> updateSubsidyRuleVersion(Long programmeId, Integer version,
            SubsidyRuleVersionForm body, String idempotencyKey) {
        return ResponseEntity.ok(SubsidyViews.version(programmes.updateVersion(programmeId, version,
                body.getEffectiveFrom(), SubsidyViews.interest(body.getInterest()),
                SubsidyViews.fees(body.getFees()))));
    }
}
