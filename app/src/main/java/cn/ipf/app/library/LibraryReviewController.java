package cn.ipf.app.library;

import cn.ipf.api.model.AdmissionDecision;
import cn.ipf.api.model.AdmissionStatus;
import cn.ipf.api.model.CreditRatingForm;
import cn.ipf.api.model.CreditRatingView;
import cn.ipf.api.model.DecisionRequest;
import cn.ipf.api.model.DelistingForm;
import cn.ipf.api.model.DemandAggregate;
import cn.ipf.api.model.DemandGrouping;
import cn.ipf.api.model.DishonestyListingForm;
import cn.ipf.api.model.DishonestyRecord;
import cn.ipf.api.model.Enterprise;
import cn.ipf.api.model.EnterprisePage;
import cn.ipf.api.model.EnterpriseSort;
import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.Screening;
import cn.ipf.api.model.SizeClass;
import cn.ipf.api.server.LibraryReviewApi;
import cn.ipf.app.library.policy.AdmissionAction;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.shared.web.Downloads;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LibraryReviewController implements LibraryReviewApi {

    private final EnterpriseService enterprises;
    private final ScreeningService screening;
    private final AdmissionService admission;
    private final ReputationService reputation;
    private final RecommendationService recommendations;
    private final DemandService demands;

    LibraryReviewController(EnterpriseService enterprises, ScreeningService screening, AdmissionService admission,
            ReputationService reputation, RecommendationService recommendations, DemandService demands) {
        this.enterprises = enterprises;
        this.screening = screening;
        this.admission = admission;
        this.reputation = reputation;
        this.recommendations = recommendations;
        this.demands = demands;
    }

    @Override
    public ResponseEntity<EnterprisePage> searchEnterprises(String districtCode, String industryPrefix,
            SizeClass sizeClass, AdmissionStatus status, Integer minScore, Integer maxScore, Boolean hasOpenDemand,
            EnterpriseSort sort, Integer page, Integer size) {
        Pages.Request request = Pages.request(page, size);
        EnterpriseService.Page found = enterprises.search(new EnterpriseService.Filters(districtCode, industryPrefix,
                sizeClass == null ? null : cn.ipf.app.library.policy.SizeClass.valueOf(sizeClass.getValue()),
                status == null ? null : status.getValue(), minScore, maxScore, hasOpenDemand,
                sort == null ? EnterpriseSort.ID.getValue() : sort.getValue()), request.offset(), request.size());
        return ResponseEntity.ok(new EnterprisePage()
                .items(found.items().stream().map(LibraryViews::enterprise).toList())
                .page(request.meta(found.total())));
    }

    @Override
    public ResponseEntity<Screening> previewScreening(Long enterpriseId) {
        ScreeningService.Evaluated evaluated = screening.evaluate(enterprises.find(enterpriseId));
        return ResponseEntity.ok(LibraryViews.screening(evaluated.ruleSetVersion(), evaluated.result()));
    }

    @Override
    public ResponseEntity<List<AdmissionDecision>> listDecisions(Long enterpriseId) {
        return ResponseEntity.ok(admission.history(enterpriseId).stream().map(LibraryViews::decision).toList());
    }

    @Override
    public ResponseEntity<AdmissionDecision> decide(Long enterpriseId, DecisionRequest body, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.decision(admission.decide(enterpriseId,
                AdmissionAction.valueOf(body.getAction().getValue()), body.getComment())));
    }

    @Override
    public ResponseEntity<CreditRatingView> recordCreditRating(Long enterpriseId, CreditRatingForm form,
            String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(LibraryViews.rating(reputation.recordRating(
                enterpriseId, form.getRating().getValue(), form.getSource(), form.getRatedOn())));
    }

    @Override
    public ResponseEntity<List<DishonestyRecord>> listDishonestyRecords(Long enterpriseId) {
        return ResponseEntity.ok(reputation.history(enterpriseId).stream().map(LibraryViews::dishonesty).toList());
    }

    @Override
    public ResponseEntity<DishonestyRecord> recordDishonestyListing(Long enterpriseId, DishonestyListingForm form,
            String idempotencyKey) {
        ReputationMapper.DishonestyRow listed = reputation.list(enterpriseId, form.getListedOn(), form.getSource());
        return ResponseEntity.created(URI.create("/api/v1/library/enterprises/" + enterpriseId
                + "/dishonesty-listings/" + listed.id())).body(LibraryViews.dishonesty(listed));
    }

    @Override
    public ResponseEntity<DishonestyRecord> recordDelisting(Long enterpriseId, Long recordId, DelistingForm form,
            String idempotencyKey) {
        return ResponseEntity.ok(LibraryViews.dishonesty(reputation.delist(enterpriseId, recordId,
                form.getDelistedOn())));
    }

    @Override
    public ResponseEntity<Enterprise> recommend(Long enterpriseId, String idempotencyKey) {
        recommendations.recommend(enterpriseId);
        return ResponseEntity.ok(LibraryViews.enterprise(enterprises.find(enterpriseId)));
    }

    @Override
    public ResponseEntity<Resource> exportRecommendations(ExportFormat format) {
        boolean excel = format == ExportFormat.XLSX;
        return Downloads.temporaryFile(recommendations.export(excel), "recommended-enterprises", excel);
    }

    @Override
    public ResponseEntity<List<DemandAggregate>> aggregateDemand(DemandGrouping groupBy) {
        return ResponseEntity.ok(demands.aggregate(groupBy.getValue()).stream().map(a -> new DemandAggregate()
                .group(a.groupKey()).count(a.demandCount()).totalAmount(a.totalAmount())).toList());
    }
}
