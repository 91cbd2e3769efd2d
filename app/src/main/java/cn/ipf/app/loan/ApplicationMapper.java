package cn.ipf.app.loan;

import cn.ipf.app.loan.policy.ApplicationStatus;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ApplicationMapper {

    /** An asset offered or pledged, described for the reader; appraisedValue is the latest appraisal, if any. */
    record AssetRow(String kind, long id, String number, String title, String patentType, BigDecimal appraisedValue) {
    }

    /** What the rules need to know of an asset an enterprise offers. */
    record AssetFacts(String kind, long id, String collateralKind, boolean owned, boolean valid, boolean pledged) {
    }

    record EventRow(ApplicationStatus status, String actor, String message, Instant at) {
    }

    /** A reference to an asset by kind (PATENT, TRADEMARK) and id. */
    record AssetRef(String kind, long id) {
    }

    void insert(@Param("enterpriseId") long enterpriseId, @Param("bankId") long bankId,
            @Param("productId") long productId, @Param("amount") BigDecimal amount,
            @Param("termMonths") int termMonths, @Param("purpose") String purpose, @Param("userId") long userId,
            @Param("at") Instant at, @Param("respondBy") LocalDate respondBy, @Param("key") GeneratedId key);

    void insertAssets(@Param("applicationId") long applicationId, @Param("assets") List<AssetRef> assets);

    void insertEvent(@Param("applicationId") long applicationId, @Param("status") ApplicationStatus status,
            @Param("actor") String actor, @Param("message") String message, @Param("at") Instant at);

    ApplicationRecord find(long id);

    /** Locks the application row; the state machine's steps are ordered by it. */
    ApplicationStatus lockStatus(long id);

    ApplicationStatus lockStatusOfBank(@Param("id") long id, @Param("bankId") long bankId);

    List<ApplicationRecord> ofEnterprise(long enterpriseId);

    List<ApplicationRecord> ofBank(@Param("bankId") long bankId, @Param("status") ApplicationStatus status,
            @Param("offset") long offset, @Param("limit") int limit);

    long countOfBank(@Param("bankId") long bankId, @Param("status") ApplicationStatus status);

    List<AssetRow> assets(@Param("applicationId") long applicationId, @Param("enterpriseId") long enterpriseId,
            @Param("on") LocalDate on);

    List<EventRow> events(long applicationId);

    void updateStatus(@Param("id") long id, @Param("status") ApplicationStatus status, @Param("at") Instant at);

    void updateOffer(@Param("id") long id, @Param("amount") BigDecimal amount,
            @Param("annualRate") BigDecimal annualRate, @Param("termMonths") int termMonths,
            @Param("at") Instant at);

    void updateRejection(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    /** Facts of the assets named, as of {@code on}; assets that do not exist are missing from the result. */
    List<AssetFacts> assetFacts(@Param("enterpriseId") long enterpriseId, @Param("assets") List<AssetRef> assets,
            @Param("on") LocalDate on);

    /** The enterprise's valid assets not under an active pledge on {@code on}: what it may offer in an application. */
    List<AssetRow> offerable(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);

    boolean dishonestyListed(long enterpriseId);
}
