package cn.ipf.app.library;

import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.money.Yuan;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 地理标志与评估 the library's rules and writes for geographical indications and appraisals, in one place for the
 * API ({@link IpAssetService}) and the history import: what makes a record conflict with the library, and how it is
 * stored. Access checks and audit stay with the caller.
 */
@Component
public class IpAssetRecords {

    private final IpAssetMapper assets;
    private final Clock clock;

    IpAssetRecords(IpAssetMapper assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /** A geographical indication is recorded once per enterprise. */
    public Optional<ErrorCode> indicationConflict(long enterpriseId, String registrationNo) {
        return assets.indicationExists(registrationNo, enterpriseId)
                ? Optional.of(ErrorCode.INDICATION_ALREADY_RECORDED) : Optional.empty();
    }

    public long insertIndication(long enterpriseId, String registrationNo, String name, LocalDate validUntil) {
        GeneratedId key = new GeneratedId();
        assets.insertIndication(new IpAssetMapper.IndicationRow(0, registrationNo, name, validUntil, enterpriseId),
                clock.instant(), key);
        return key.getId();
    }

    /**
     * The id of an asset of a kind (PATENT, TRADEMARK, GEOGRAPHICAL_INDICATION) by its number: a patent by its
     * canonical application number, a trademark by registration number and Nice class, an indication by
     * registration number among the enterprise's.
     */
    public Optional<Long> assetId(long enterpriseId, String assetKind, String number, Integer niceClass) {
        return Optional.ofNullable(switch (assetKind) {
            case "PATENT" -> assets.patentId(number);
            case "TRADEMARK" -> niceClass == null ? null : assets.trademarkId(number, niceClass);
            default -> assets.indicationId(number, enterpriseId);
        });
    }

    /** An appraisal is of an asset the enterprise holds, and a report is recorded once per asset. */
    public Optional<ErrorCode> appraisalConflict(long enterpriseId, String assetKind, long assetId, String reportNo) {
        boolean owned = switch (assetKind) {
            case "PATENT" -> assets.ownsPatent(enterpriseId, assetId);
            case "TRADEMARK" -> assets.ownsTrademark(enterpriseId, assetId);
            default -> assets.ownsIndication(enterpriseId, assetId);
        };
        if (!owned) {
            return Optional.of(ErrorCode.ASSET_NOT_OWNED);
        }
        return assets.appraisalExists(reportNo, assetKind, assetId)
                ? Optional.of(ErrorCode.APPRAISAL_DUPLICATE) : Optional.empty();
    }

    /** Stores the appraisal; the value passes the live money rule ({@link Yuan}). */
    public long insertAppraisal(long enterpriseId, String assetKind, long assetId, BigDecimal value,
            String appraiser, String reportNo, LocalDate appraisedOn) {
        GeneratedId key = new GeneratedId();
        assets.insertAppraisal(new IpAssetMapper.AppraisalRow(0, enterpriseId, assetKind, assetId,
                Yuan.of(value, "appraisedValue"), appraiser, reportNo, appraisedOn), clock.instant(), key);
        return key.getId();
    }
}
