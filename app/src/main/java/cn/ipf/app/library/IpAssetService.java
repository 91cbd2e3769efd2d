package cn.ipf.app.library;

import cn.ipf.app.access.Caller;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.library.policy.PatentType;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 知识产权 an enterprise's patents, trademarks, geographical indications and their appraisals. */
@Service
public class IpAssetService {

    private final IpAssetMapper assets;
    private final IpAssetRecords records;
    private final LibraryAccess access;
    private final AuditTrail audit;
    private final MatchProfiles profiles;
    private final Clock clock;

    IpAssetService(IpAssetMapper assets, IpAssetRecords records, LibraryAccess access, AuditTrail audit,
            MatchProfiles profiles, Clock clock) {
        this.assets = assets;
        this.records = records;
        this.access = access;
        this.audit = audit;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** A patent as stated by the enterprise; the application number in any accepted spelling. */
    record NewPatent(String applicationNo, PatentType type, String title, LocalDate filingDate, LocalDate grantDate,
            LocalDate expiryDate, String legalStatus, String ipcMainClass, List<Long> coOwnerEnterpriseIds,
            boolean strategicIndustry, boolean foreignFamily, boolean longMaintained, boolean award) {
    }

    @Transactional
    IpAssetMapper.PatentRow addPatent(long enterpriseId, NewPatent p) {
        Caller caller = access.caller();
        access.maintainable(caller, enterpriseId);
        String number = CnPatentNumber.normalize(p.applicationNo())
                .orElseThrow(() -> new ApiException(ErrorCode.PATENT_NUMBER_INVALID, p.applicationNo()));
        if (CnPatentNumber.typeOf(number).filter(t -> t == p.type()).isEmpty()) {
            throw new ApiException(ErrorCode.PATENT_TYPE_MISMATCH, number);
        }
        if (p.grantDate() != null && p.grantDate().isBefore(p.filingDate())) {
            throw new ApiException(ErrorCode.DATE_INVALID, "grantDate is before filingDate");
        }
        if (assets.patentExists(number)) {
            throw new ApiException(ErrorCode.PATENT_ALREADY_REGISTERED, number);
        }
        Set<Long> owners = new LinkedHashSet<>();
        owners.add(enterpriseId);
        if (p.coOwnerEnterpriseIds() != null) {
            for (Long coOwner : p.coOwnerEnterpriseIds()) {
                // only enterprises the caller may see: an SME cannot hand patents to (or probe for) others
                if (coOwner == null || !access.canSee(caller, coOwner)) {
                    throw new ApiException(ErrorCode.ENTERPRISE_UNKNOWN, coOwner);
                }
                owners.add(coOwner);
            }
        }
        GeneratedId key = new GeneratedId();
        assets.insertPatent(new IpAssetMapper.PatentRow(0, number, p.type().name(), p.title(), p.filingDate(),
                p.grantDate(), p.expiryDate(), p.legalStatus(), p.ipcMainClass(), p.strategicIndustry(),
                p.foreignFamily(), p.longMaintained(), p.award(), null, false, false), clock.instant(), key);
        owners.forEach(owner -> assets.insertOwner(key.getId(), owner));
        profiles.refresh(owners);
        audit.record("PATENT_RECORDED", "PATENT", key.getId(), Map.of("applicationNo", number, "type",
                p.type().name(), "owners", List.copyOf(owners), "legalStatus", p.legalStatus()));
        return assets.patent(key.getId());
    }

    List<IpAssetMapper.PatentRow> patents(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return assets.patentsOf(enterpriseId);
    }

    /** The latest appraisal of each of the enterprise's patents, by patent id. */
    Map<Long, IpAssetMapper.AppraisalRow> latestPatentAppraisals(long enterpriseId) {
        return assets.latestPatentAppraisals(enterpriseId).stream()
                .collect(java.util.stream.Collectors.toMap(IpAssetMapper.AppraisalRow::assetId, a -> a));
    }

    @Transactional
    IpAssetMapper.TrademarkRow addTrademark(long enterpriseId, String registrationNo, String markName,
            int niceClass, LocalDate validUntil) {
        access.maintainable(access.caller(), enterpriseId);
        if (assets.trademarkExists(registrationNo, niceClass)) {
            throw new ApiException(ErrorCode.TRADEMARK_ALREADY_REGISTERED, registrationNo);
        }
        GeneratedId key = new GeneratedId();
        assets.insertTrademark(new IpAssetMapper.TrademarkRow(0, registrationNo, markName, niceClass, validUntil,
                enterpriseId), clock.instant(), key);
        profiles.refresh(enterpriseId);
        audit.record("TRADEMARK_RECORDED", "TRADEMARK", key.getId(), Map.of("registrationNo", registrationNo,
                "niceClass", niceClass, "enterpriseId", enterpriseId));
        return assets.trademarksOf(enterpriseId).stream().filter(t -> t.id() == key.getId()).findFirst()
                .orElseThrow();
    }

    List<IpAssetMapper.TrademarkRow> trademarks(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return assets.trademarksOf(enterpriseId);
    }

    @Transactional
    IpAssetMapper.IndicationRow addIndication(long enterpriseId, String registrationNo, String name,
            LocalDate validUntil) {
        access.maintainable(access.caller(), enterpriseId);
        records.indicationConflict(enterpriseId, registrationNo).ifPresent(code -> {
            throw new ApiException(code, registrationNo);
        });
        long id = records.insertIndication(enterpriseId, registrationNo, name, validUntil);
        profiles.refresh(enterpriseId);
        audit.record("GEOGRAPHICAL_INDICATION_RECORDED", "GEOGRAPHICAL_INDICATION", id,
                Map.of("registrationNo", registrationNo, "name", name, "enterpriseId", enterpriseId));
        return assets.indicationsOf(enterpriseId).stream().filter(g -> g.id() == id).findFirst()
                .orElseThrow();
    }

    List<IpAssetMapper.IndicationRow> indications(long enterpriseId) {
        access.visible(access.caller(), enterpriseId);
        return assets.indicationsOf(enterpriseId);
    }

    @Transactional
    IpAssetMapper.AppraisalRow addAppraisal(long enterpriseId, String assetKind, long assetId, BigDecimal value,
            String appraiser, String reportNo, LocalDate appraisedOn) {
        access.maintainable(access.caller(), enterpriseId);
        records.appraisalConflict(enterpriseId, assetKind, assetId, reportNo).ifPresent(code -> {
            throw new ApiException(code, code == ErrorCode.ASSET_NOT_OWNED ? assetKind + " " + assetId : reportNo);
        });
        long id = records.insertAppraisal(enterpriseId, assetKind, assetId, value, appraiser, reportNo, appraisedOn);
        profiles.refresh(enterpriseId);
        IpAssetMapper.AppraisalRow stored = assets.appraisal(id);
        audit.record("APPRAISAL_RECORDED", "APPRAISAL", id, Map.of("assetKind", assetKind, "assetId",
                assetId, "value", stored.appraisedValue().toPlainString(), "reportNo", reportNo, "appraiser",
                appraiser));
        return stored;
    }
}
