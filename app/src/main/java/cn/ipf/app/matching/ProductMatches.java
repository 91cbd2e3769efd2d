package cn.ipf.app.matching;

import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.library.EnterpriseRecord;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.matching.policy.ProductMatching;
import cn.ipf.app.product.ProductRecord;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 银企对接 an enterprise's view of the banks' products: each one matched and explained (pure ProductMatching). */
@Service
public class ProductMatches {

    private final MatchingMapper mapper;
    private final AccessPolicy access;
    private final LibraryAccess library;
    private final BankRegistry banks;
    private final BusinessCalendar calendar;

    ProductMatches(MatchingMapper mapper, AccessPolicy access, LibraryAccess library, BankRegistry banks,
            BusinessCalendar calendar) {
        this.mapper = mapper;
        this.access = access;
        this.library = library;
        this.banks = banks;
        this.calendar = calendar;
    }

    /** One product and how the enterprise fares against it. */
    public record Result(ProductRecord product, String bankName, ProductMatching.Match match) {
    }

    @Transactional(readOnly = true)
    public List<Result> forEnterprise(long enterpriseId) {
        EnterpriseRecord e = library.visible(access.caller(), enterpriseId);
        LocalDate today = calendar.today();
        MatchingMapper.Profile profile = mapper.profile(enterpriseId, today);
        Map<String, BigDecimal> values = values(mapper.assetValues(List.of(enterpriseId), today));
        ProductMatching.Enterprise enterprise = new ProductMatching.Enterprise(e.districtCode(), e.industryCode(),
                profile.demandAmount(), profile.demandTermMonths(),
                profile.preferredBankIds() == null ? Set.of() : Arrays.stream(profile.preferredBankIds().split(","))
                        .map(Long::valueOf).collect(Collectors.toSet()),
                profile.creditRating(), profile.validInventions(), values);
        Map<Long, String> bankNames = banks.banks().stream().collect(Collectors.toMap(Bank::id, Bank::name));
        return mapper.activeProducts().stream()
                .map(p -> new Result(p, bankNames.get(p.bankId()),
                        ProductMatching.evaluate(terms(p), enterprise, today)))
                .sorted(Comparator.comparing((Result r) -> !r.match().eligible())
                        .thenComparing(r -> -r.match().total())
                        .thenComparing(r -> r.product().id()))
                .toList();
    }

    /** Collateral kind → appraised value of the valid assets of that kind, as ProductMatching takes it. */
    static Map<String, BigDecimal> values(List<MatchingMapper.KindValue> kinds) {
        return kinds.stream().collect(Collectors.toMap(MatchingMapper.KindValue::kind,
                MatchingMapper.KindValue::assetValue));
    }

    static ProductMatching.Product terms(ProductRecord p) {
        return new ProductMatching.Product(p.bankId(), p.amountMin(), p.amountMax(), p.termMonthsMin(),
                p.termMonthsMax(), p.spreadBpMin(), p.maxPledgeRate(), Set.copyOf(p.collateralKinds()),
                Set.copyOf(p.districtCodes()), Set.copyOf(p.industryPrefixes()), p.minCreditRating(),
                p.minValidInventions(), p.windowStart(), p.windowEnd());
    }

}
