package cn.ipf.app.library;

import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.access.Caller;
import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.library.policy.SizeClass;
import cn.ipf.app.library.policy.SizeClassifier;
import cn.ipf.app.library.policy.Uscc;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.shared.crypto.SecretCipher.Purpose;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.user.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 企业登记 registering and maintaining enterprises, and finding them within the caller's scope. */
@Service
public class EnterpriseService {

    private static final Set<String> UNDER_REVIEW = Set.of("SUBMITTED", "DISTRICT_APPROVED");
    private static final Set<String> DISTRICT_MOVABLE = Set.of("DRAFT", "RETURNED", "REJECTED", "REMOVED");

    private final EnterpriseMapper enterprises;
    private final ReputationMapper reputation;
    private final RegionMapper regions;
    private final LibraryAccess access;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConfirmedIdentities identities;
    private final MatchProfiles profiles;

    EnterpriseService(EnterpriseMapper enterprises, ReputationMapper reputation, RegionMapper regions,
            LibraryAccess access, SecretCipher cipher, AuditTrail audit, Clock clock,
            ConfirmedIdentities identities, MatchProfiles profiles) {
        this.enterprises = enterprises;
        this.reputation = reputation;
        this.regions = regions;
        this.access = access;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.identities = identities;
        this.profiles = profiles;
    }

    /** What a registration or profile update states about the enterprise. */
    record Profile(String uscc, String name, String legalRepName, String legalRepIdNumber, String districtCode,
            String industryCode, int employees, BigDecimal annualRevenue, BigDecimal totalAssets, boolean highTech,
            boolean specializedSme, String ipmCertNo, LocalDate ipmCertValidUntil) {
    }

    @Transactional
    EnterpriseView register(Profile profile) {
        Caller caller = access.caller();
        access.require(caller, Permission.REGISTER_ENTERPRISE);
        if (caller.is(Role.SME) && caller.enterpriseId() != null) {
            throw new ApiException(ErrorCode.ENTERPRISE_ALREADY_BOUND, caller.enterpriseId());
        }
        String uscc = profile.uscc().toUpperCase(Locale.ROOT);
        if (!Uscc.isValid(uscc)) {
            throw new ApiException(ErrorCode.USCC_INVALID, profile.uscc());
        }
        if (caller.is(Role.SME)) {
            // an account confirmed for one enterprise at sign-up registers that one
            identities.of(caller.userId()).filter(confirmed -> !confirmed.uscc().equals(uscc)).ifPresent(confirmed -> {
                throw new ApiException(ErrorCode.USCC_NOT_CONFIRMED, uscc, confirmed.uscc());
            });
        }
        checkProfile(caller, profile, null);
        if (enterprises.usccTaken(uscc)) {
            throw new ApiException(ErrorCode.USCC_TAKEN, uscc);
        }
        Instant now = clock.instant();
        EnterpriseRecord record = record(null, uscc, profile, null, now, now);
        GeneratedId key = new GeneratedId();
        enterprises.insert(record, key);
        enterprises.insertEntry(key.getId(), now);
        profiles.refresh(key.getId());
        // the conditional update is the guard: a concurrent registration by the same SME finds it bound, and rolls back
        if (caller.is(Role.SME) && enterprises.bindSmeUser(caller.userId(), key.getId()) == 0) {
            throw new ApiException(ErrorCode.ENTERPRISE_ALREADY_BOUND, enterprises.enterpriseOfUser(caller.userId()));
        }
        audit.record("ENTERPRISE_REGISTERED", "ENTERPRISE", key.getId(), summary(record));
        return view(enterprises.find(key.getId()));
    }

    /** A partial profile: null fields keep their value (the USCC is not part of it: it never changes). */
    record Change(String name, String legalRepName, String legalRepIdNumber, String districtCode,
            String industryCode, Integer employees, BigDecimal annualRevenue, BigDecimal totalAssets,
            Boolean highTech, Boolean specializedSme, String ipmCertNo, LocalDate ipmCertValidUntil) {

        Profile over(EnterpriseRecord e) {
            return new Profile(e.uscc(), or(name, e.name()), or(legalRepName, e.legalRepName()), legalRepIdNumber,
                    or(districtCode, e.districtCode()), or(industryCode, e.industryCode()),
                    or(employees, e.employees()), or(annualRevenue, e.annualRevenue()),
                    or(totalAssets, e.totalAssets()), or(highTech, e.highTech()),
                    or(specializedSme, e.specializedSme()), or(ipmCertNo, e.ipmCertNo()),
                    or(ipmCertValidUntil, e.ipmCertValidUntil()));
        }

        private static <T> T or(T value, T kept) {
            return value == null ? kept : value;
        }
    }

    @Transactional
    EnterpriseView update(long enterpriseId, Profile profile) {
        return update(enterpriseId, existing -> profile);
    }

    /** Applies a partial change to the profile as it is under the entry's lock. */
    @Transactional
    EnterpriseView patch(long enterpriseId, Change change) {
        return update(enterpriseId, change::over);
    }

    private EnterpriseView update(long enterpriseId, Function<EnterpriseRecord, Profile> change) {
        Caller caller = access.caller();
        access.maintainable(caller, enterpriseId);
        String status = enterprises.lockEntry(enterpriseId).status();
        EnterpriseRecord existing = enterprises.find(enterpriseId);
        Profile profile = change.apply(existing);
        if (!existing.uscc().equalsIgnoreCase(profile.uscc())) {
            throw new ApiException(ErrorCode.USCC_IMMUTABLE);
        }
        // reviewers decide on what they saw: no changes mid-review, and the district (which decides who reviews)
        // only before or after a review cycle
        boolean underReview = UNDER_REVIEW.contains(status);
        boolean movesDistrict = !existing.districtCode().equals(profile.districtCode())
                && !DISTRICT_MOVABLE.contains(status);
        if (underReview || movesDistrict) {
            throw new ApiException(ErrorCode.ENTRY_UNDER_REVIEW, status).with("currentState", status);
        }
        checkProfile(caller, profile, existing.districtCode());
        String cipherText = profile.legalRepIdNumber() == null ? existing.legalRepIdCipher() : null;
        EnterpriseRecord updated = record(enterpriseId, existing.uscc(), profile, cipherText, existing.createdAt(),
                clock.instant());
        enterprises.update(updated);
        profiles.refresh(enterpriseId);
        Map<String, Object> changed = new TreeMap<>();
        Map<String, Object> before = summary(existing);
        summary(updated).forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changed.put(k, v);
            }
        });
        if (profile.legalRepIdNumber() != null) {
            changed.put("legalRepIdNumber", "(changed)");
        }
        audit.record("ENTERPRISE_UPDATED", "ENTERPRISE", enterpriseId, changed);
        return view(enterprises.find(enterpriseId));
    }

    EnterpriseView find(long enterpriseId) {
        return view(access.visible(access.caller(), enterpriseId));
    }

    EnterpriseView view(EnterpriseRecord e) {
        Sector sector = Sector.of(e.industryCode());
        SizeClass size = SizeClassifier.classify(sector, e.employees(), e.annualRevenue(), e.totalAssets());
        String masked = e.legalRepIdCipher() == null ? null
                : mask(cipher.decrypt(Purpose.LEGAL_REP_ID_NUMBER, e.legalRepIdCipher()));
        return new EnterpriseView(e, sector, size, masked, reputation.latestRating(e.id()));
    }

    /** Checks a profile; an enterprise may stay in its district after that was retired, but not move into one. */
    private void checkProfile(Caller caller, Profile p, String currentDistrict) {
        if (!regions.isDistrict(p.districtCode())) {
            throw new ApiException(ErrorCode.DISTRICT_UNKNOWN, p.districtCode());
        }
        if (!p.districtCode().equals(currentDistrict) && !regions.isOpenDistrict(p.districtCode())) {
            throw new ApiException(ErrorCode.DISTRICT_RETIRED, p.districtCode());
        }
        access.requireWithinDistrict(caller, p.districtCode());
        try {
            Sector.of(p.industryCode());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INDUSTRY_CODE_INVALID, p.industryCode());
        }
    }

    private EnterpriseRecord record(Long id, String uscc, Profile p, String existingCipher, Instant createdAt,
            Instant updatedAt) {
        String idCipher = p.legalRepIdNumber() == null ? existingCipher
                : cipher.encrypt(Purpose.LEGAL_REP_ID_NUMBER, p.legalRepIdNumber().toUpperCase(Locale.ROOT));
        return new EnterpriseRecord(id, uscc, p.name(), p.legalRepName(), idCipher, p.districtCode(),
                p.industryCode(), p.employees(), Yuan.of(p.annualRevenue(), "annualRevenue"),
                Yuan.of(p.totalAssets(), "totalAssets"), p.highTech(),
                p.specializedSme(), p.ipmCertNo(), p.ipmCertValidUntil(), createdAt, updatedAt, null, null, null,
                null, null, false, null, false, false);
    }

    /** The audit summary of a profile: everything but the identity number. */
    private static Map<String, Object> summary(EnterpriseRecord e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("uscc", e.uscc());
        m.put("name", e.name());
        m.put("legalRepName", e.legalRepName());
        m.put("districtCode", e.districtCode());
        m.put("industryCode", e.industryCode());
        m.put("employees", e.employees());
        m.put("annualRevenue", e.annualRevenue().toPlainString());
        m.put("totalAssets", e.totalAssets().toPlainString());
        m.put("highTech", e.highTech());
        m.put("specializedSme", e.specializedSme());
        m.put("ipmCertNo", e.ipmCertNo());
        m.put("ipmCertValidUntil", e.ipmCertValidUntil() == null ? null : e.ipmCertValidUntil().toString());
        return m;
    }

    /** First 3 and last 4 characters visible, the rest masked. */
    static String mask(String idNumber) {
        if (idNumber.length() <= 7) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7)
                + idNumber.substring(idNumber.length() - 4);
    }

    /** One page of search results and the total matching. */
    public record Page(List<EnterpriseView> items, long total) {
    }

    /** Filters as the client gave them; the caller's scope is added here. */
    public record Filters(String districtCode, String industryPrefix, SizeClass sizeClass, String status, Integer minScore,
            Integer maxScore, Boolean hasOpenDemand, String sort) {
    }

    /** 企业库检索 the library search (the API's and the matching events' selection of enterprises). */
    @Transactional(readOnly = true)
    public Page search(Filters f, long offset, int limit) {
        Caller caller = access.caller();
        access.require(caller, Permission.SEARCH_LIBRARY);
        EnterpriseQuery query = new EnterpriseQuery(access.visibleDistrict(caller), access.visibleEnterprise(caller),
                f.districtCode(), f.industryPrefix(), f.status(), f.minScore(), f.maxScore(), f.hasOpenDemand(),
                null, f.sort());
        if (f.sizeClass() != null) {
            // the size class is derived in Java, so it narrows the query to the ids that have it
            List<Long> ids = enterprises.sizeInputs(query).stream()
                    .filter(in -> SizeClassifier.classify(Sector.of(in.industryCode()), in.employees(),
                            in.annualRevenue(), in.totalAssets()) == f.sizeClass())
                    .map(EnterpriseMapper.SizeInput::id).toList();
            if (ids.isEmpty()) {
                return new Page(List.of(), 0);
            }
            query = new EnterpriseQuery(query.visibleDistrict(), query.visibleEnterprise(), query.districtCode(),
                    query.industryPrefix(), query.status(), query.minScore(), query.maxScore(),
                    query.hasOpenDemand(), ids, query.sort());
        }
        return new Page(enterprises.search(query, offset, limit).stream().map(this::view).toList(),
                enterprises.count(query));
    }
}
