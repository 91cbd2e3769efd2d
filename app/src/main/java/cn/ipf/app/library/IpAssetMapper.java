package cn.ipf.app.library;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IpAssetMapper {

    /** 专利 a patent with the facts the library shows about it. */
    record PatentRow(long id, String applicationNo, String patentType, String title, LocalDate filingDate,
            LocalDate grantDate, LocalDate expiryDate, String legalStatus, String ipcMainClass,
            boolean hvStrategicIndustry, boolean hvForeignFamily, boolean hvLongMaintained, boolean hvAward,
            String ownerIds, boolean underActivePledge, boolean everPledged) {
    }

    /** 商标 a registered trademark. */
    record TrademarkRow(long id, String registrationNo, String markName, int niceClass, LocalDate validUntil,
            long enterpriseId) {
    }

    /** 地理标志 an authorisation to use a geographical indication. */
    record IndicationRow(long id, String registrationNo, String name, LocalDate validUntil, long enterpriseId) {
    }

    /** 评估 an appraisal of one asset. */
    record AppraisalRow(long id, long enterpriseId, String assetKind, long assetId, BigDecimal appraisedValue,
            String appraiser, String reportNo, LocalDate appraisedOn) {
    }

    boolean patentExists(String applicationNo);

    Long patentId(String applicationNo);

    Long trademarkId(@Param("registrationNo") String registrationNo, @Param("niceClass") int niceClass);

    Long indicationId(@Param("registrationNo") String registrationNo, @Param("enterpriseId") long enterpriseId);

    void insertPatent(@Param("p") PatentRow patent, @Param("at") Instant at, @Param("key") GeneratedId key);

    void insertOwner(@Param("patentId") long patentId, @Param("enterpriseId") long enterpriseId);

    List<PatentRow> patentsOf(long enterpriseId);

    PatentRow patent(long patentId);

    boolean ownsPatent(@Param("enterpriseId") long enterpriseId, @Param("patentId") long patentId);

    boolean trademarkExists(@Param("registrationNo") String registrationNo, @Param("niceClass") int niceClass);

    void insertTrademark(@Param("t") TrademarkRow trademark, @Param("at") Instant at, @Param("key") GeneratedId key);

    List<TrademarkRow> trademarksOf(long enterpriseId);

    boolean ownsTrademark(@Param("enterpriseId") long enterpriseId, @Param("trademarkId") long trademarkId);

    boolean indicationExists(@Param("registrationNo") String registrationNo, @Param("enterpriseId") long enterpriseId);

    void insertIndication(@Param("g") IndicationRow indication, @Param("at") Instant at,
            @Param("key") GeneratedId key);

    List<IndicationRow> indicationsOf(long enterpriseId);

    boolean ownsIndication(@Param("enterpriseId") long enterpriseId, @Param("indicationId") long indicationId);

    boolean appraisalExists(@Param("reportNo") String reportNo, @Param("assetKind") String assetKind,
            @Param("assetId") long assetId);

    void insertAppraisal(@Param("a") AppraisalRow appraisal, @Param("at") Instant at, @Param("key") GeneratedId key);

    AppraisalRow appraisal(long id);

    /** The latest appraisal of each patent the enterprise owns (appraised for that enterprise). */
    List<AppraisalRow> latestPatentAppraisals(long enterpriseId);
}
