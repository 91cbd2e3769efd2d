package cn.ipf.app.product;

import cn.ipf.api.model.CollateralKind;
import cn.ipf.api.model.CreditRating;
import cn.ipf.api.model.LoanProduct;
import cn.ipf.api.model.LoanProductForm;
import cn.ipf.api.model.ProductStatus;
import cn.ipf.api.server.BankProductsApi;
import cn.ipf.app.security.CurrentActor;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BankProductController implements BankProductsApi {

    private final ProductCatalog catalog;

    BankProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResponseEntity<List<LoanProduct>> listProducts() {
        return ResponseEntity.ok(catalog.ofBank(bankId()).stream().map(BankProductController::toApi).toList());
    }

    @Override
    public ResponseEntity<LoanProduct> getProduct(Long productId) {
        return ResponseEntity.ok(toApi(catalog.visible(bankId(), productId)));
    }

    @Override
    public ResponseEntity<LoanProduct> publishProduct(String idempotencyKey, LoanProductForm form) {
        return created(catalog.publish(bankId(), terms(form)));
    }

    @Override
    public ResponseEntity<LoanProduct> reviseProduct(Long productId, String idempotencyKey, LoanProductForm form) {
        return created(catalog.revise(bankId(), productId, terms(form)));
    }

    @Override
    public ResponseEntity<LoanProduct> withdrawProduct(Long productId, String idempotencyKey) {
        return ResponseEntity.ok(toApi(catalog.withdraw(bankId(), productId)));
    }

    private static long bankId() {
        return CurrentActor.get().bankId();
    }

    private static ResponseEntity<LoanProduct> created(ProductRecord p) {
        return ResponseEntity.created(URI.create("/api/v1/bank/products/" + p.id())).body(toApi(p));
    }

    private static ProductCatalog.Terms terms(LoanProductForm f) {
        return new ProductCatalog.Terms(f.getName(), f.getAmountMin(), f.getAmountMax(), f.getTermMonthsMin(),
                f.getTermMonthsMax(), f.getSpreadBpMin(), f.getSpreadBpMax(), f.getMaxPledgeRate(),
                f.getAcceptedCollateral().stream().map(CollateralKind::getValue).toList(),
                f.getTargetDistrictCodes() == null ? List.of() : f.getTargetDistrictCodes(),
                f.getTargetIndustryPrefixes() == null ? List.of() : f.getTargetIndustryPrefixes(),
                f.getMinCreditRating() == null ? null : f.getMinCreditRating().getValue(),
                f.getMinValidInventionPatents() == null ? 0 : f.getMinValidInventionPatents(),
                Boolean.TRUE.equals(f.getInsuranceRequired()), f.getWindowStart(), f.getWindowEnd());
    }

    private static LoanProduct toApi(ProductRecord p) {
        return new LoanProduct()
                .productId(p.id())
                .productCode(p.productCode())
                .version(p.version())
                .status(ProductStatus.fromValue(p.status()))
                .bankId(p.bankId())
                .name(p.name())
                .amountMin(p.amountMin())
                .amountMax(p.amountMax())
                .termMonthsMin(p.termMonthsMin())
                .termMonthsMax(p.termMonthsMax())
                .spreadBpMin(p.spreadBpMin())
                .spreadBpMax(p.spreadBpMax())
                .maxPledgeRate(p.maxPledgeRate())
                .acceptedCollateral(p.collateralKinds().stream().map(CollateralKind::fromValue).toList())
                .targetDistrictCodes(p.districtCodes())
                .targetIndustryPrefixes(p.industryPrefixes())
                .minCreditRating(p.minCreditRating() == null ? null : CreditRating.fromValue(p.minCreditRating()))
                .minValidInventionPatents(p.minValidInventions())
                .insuranceRequired(p.insuranceRequired())
                .windowStart(p.windowStart())
                .windowEnd(p.windowEnd())
                .createdAt(p.createdAt().atOffset(ZoneOffset.UTC));
    }

}
