package cn.ipf.app.disposal;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DisposalMapper {

    /** The bank's case, or null (another bank's case is not found either). */
    DisposalCaseRow ofBank(@Param("bankId") long bankId, @Param("caseId") long caseId);

    DisposalCaseRow lock(@Param("bankId") long bankId, @Param("caseId") long caseId);

    DisposalCaseRow byExternalId(@Param("bankId") long bankId, @Param("externalId") String externalId);

    Long loanOf(@Param("bankId") long bankId, @Param("loanRef") String loanRef);

    List<DisposalCaseRow> ofLoan(@Param("loanId") long loanId);

    /** Whether the asset is in one of the loan's registrations not cancelled before the default. */
    boolean pledged(@Param("loanId") long loanId, @Param("kind") String kind, @Param("assetId") long assetId,
            @Param("defaultedOn") LocalDate defaultedOn);

    boolean caseOfAsset(@Param("loanId") long loanId, @Param("kind") String kind, @Param("assetId") long assetId);

    void insertCase(@Param("c") DisposalCaseRow row, @Param("at") Instant at, @Param("key") GeneratedId key);

    List<DisposalStepRow> steps(@Param("caseId") long caseId);

    DisposalStepRow stepByExternalId(@Param("bankId") long bankId, @Param("externalId") String externalId);

    Long recoveryId(@Param("bankId") long bankId, @Param("externalId") String externalId);

    void insertStep(@Param("bankId") long bankId, @Param("s") DisposalStepRow row, @Param("at") Instant at);

    void close(@Param("caseId") long caseId, @Param("on") LocalDate on);
}
