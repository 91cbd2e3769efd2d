package cn.ipf.app.product;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ApiException.FieldViolation;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 产品目录 banks' loan products. A product is published as version 1; every change is a new version and supersedes
 * the previous one, so what an application was made on never changes; a withdrawn product takes no new versions.
 * A bank sees and changes only its own products (anything else is 404).
 */
@Service
public class ProductCatalog {

    static final String ACTIVE = "ACTIVE";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String WITHDRAWN = "WITHDRAWN";

    private final ProductMapper products;
    private final RegionMapper regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ProductCatalog(ProductMapper products, RegionMapper regions, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events) {
        this.products = products;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A product's terms as a bank states them. */
    record Terms(String name, BigDecimal amountMin, BigDecimal amountMax, int termMonthsMin, int termMonthsMax,
            int spreadBpMin, int spreadBpMax, BigDecimal maxPledgeRate, List<String> collateral,
            List<String> districts, List<String> industries, String minCreditRating, int minValidInventions,
            boolean insuranceRequired, LocalDate windowStart, LocalDate windowEnd) {
    }

    @Transactional
    ProductRecord publish(long bankId, Terms terms) {
        check(terms);
        String code = "LP" + HexFormat.of().withUpperCase().formatHex(randomBytes(5));
        ProductRecord created = insert(bankId, code, 1, terms);
        audit.record("PRODUCT_PUBLISHED", "LOAN_PRODUCT", created.id(), summary(created));
        return created;
    }

    @Transactional
    ProductRecord revise(long bankId, long productId, Terms terms) {
        ProductRecord named = visible(bankId, productId);
        ProductRecord latest = products.lockLatest(bankId, named.productCode());
        if (WITHDRAWN.equals(latest.status())) {
            throw new ApiException(ErrorCode.PRODUCT_WITHDRAWN, latest.productCode());
        }
        check(terms);
        products.updateStatus(latest.id(), SUPERSEDED);
        ProductRecord next = insert(bankId, latest.productCode(), latest.version() + 1, terms);
        Map<String, Object> summary = summary(next);
        summary.put("supersedes", latest.id());
        audit.record("PRODUCT_REVISED", "LOAN_PRODUCT", next.id(), summary);
        events.publishEvent(new ProductChanged(bankId));
        return next;
    }

    @Transactional
    ProductRecord withdraw(long bankId, long productId) {
        ProductRecord named = visible(bankId, productId);
        ProductRecord latest = products.lockLatest(bankId, named.productCode());
        if (WITHDRAWN.equals(latest.status())) {
            throw new ApiException(ErrorCode.PRODUCT_WITHDRAWN, latest.productCode());
        }
        products.updateStatus(latest.id(), WITHDRAWN);
        audit.record("PRODUCT_WITHDRAWN", "LOAN_PRODUCT", latest.id(), Map.of("productCode", latest.productCode(),
                "version", latest.version()));
        events.publishEvent(new ProductChanged(bankId));
        return products.find(latest.id());
    }

    /** Any version of any bank's product, as applications and loans refer to it. */
    public Optional<ProductRecord> version(long productId) {
        return Optional.ofNullable(products.find(productId));
    }

    ProductRecord visible(long bankId, long productId) {
        ProductRecord p = products.find(productId);
        if (p == null || p.bankId() != bankId) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, productId);
        }
        return p;
    }

    List<ProductRecord> ofBank(long bankId) {
        return products.latestOfBank(bankId);
    }

    private ProductRecord insert(long bankId, String code, int version, Terms t) {
        GeneratedId key = new GeneratedId();
        products.insert(new ProductRecord(null, bankId, code, version, ACTIVE, t.name(),
                Yuan.of(t.amountMin(), "amountMin"), Yuan.of(t.amountMax(), "amountMax"), t.termMonthsMin(),
                t.termMonthsMax(), t.spreadBpMin(), t.spreadBpMax(), t.maxPledgeRate(), t.insuranceRequired(),
                t.windowStart(), t.windowEnd(), t.minCreditRating(), t.minValidInventions(),
                clock.instant(), null, null, null), key);
        t.collateral().stream().distinct().forEach(kind -> products.insertCollateral(key.getId(), kind));
        t.districts().stream().distinct().forEach(d -> products.insertDistrict(key.getId(), d));
        t.industries().stream().distinct().forEach(i -> products.insertIndustry(key.getId(), i));
        return products.find(key.getId());
    }

    /** Ranges must be ranges, the window must not end before it starts, districts must be the deployment's. */
    private void check(Terms t) {
        List<FieldViolation> wrong = new ArrayList<>();
        if (t.amountMin().compareTo(t.amountMax()) > 0) {
            wrong.add(new FieldViolation("amountMax", "must not be below amountMin"));
        }
        if (t.termMonthsMin() > t.termMonthsMax()) {
            wrong.add(new FieldViolation("termMonthsMax", "must not be below termMonthsMin"));
        }
        if (t.spreadBpMin() > t.spreadBpMax()) {
            wrong.add(new FieldViolation("spreadBpMax", "must not be below spreadBpMin"));
        }
        if (t.maxPledgeRate().stripTrailingZeros().scale() > 4) {
            wrong.add(new FieldViolation("maxPledgeRate", "at most 4 decimal places"));
        }
        if (t.windowEnd() != null && t.windowEnd().isBefore(t.windowStart())) {
            wrong.add(new FieldViolation("windowEnd", "must not be before windowStart"));
        }
        if (!wrong.isEmpty()) {
            throw new ApiException(ErrorCode.PRODUCT_TERMS_INVALID, wrong);
        }
        for (String district : t.districts()) {
            if (!regions.isDistrict(district)) {
                throw new ApiException(ErrorCode.DISTRICT_UNKNOWN, district);
            }
        }
    }

    private static Map<String, Object> summary(ProductRecord p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productCode", p.productCode());
        m.put("version", p.version());
        m.put("name", p.name());
        m.put("amount", p.amountMin().toPlainString() + ".." + p.amountMax().toPlainString());
        m.put("termMonths", p.termMonthsMin() + ".." + p.termMonthsMax());
        m.put("spreadBp", p.spreadBpMin() + ".." + p.spreadBpMax());
        m.put("maxPledgeRate", p.maxPledgeRate().toPlainString());
        m.put("collateral", p.collateral());
        m.put("districts", p.districts());
        m.put("industries", p.industries());
        m.put("minCreditRating", p.minCreditRating());
        m.put("minValidInventions", p.minValidInventions());
        m.put("insuranceRequired", p.insuranceRequired());
        m.put("window", p.windowStart() + ".." + (p.windowEnd() == null ? "" : p.windowEnd().toString()));
        return m;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
