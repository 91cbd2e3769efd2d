package cn.ipf.app.consent;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ConsentMapper {

    /** 授权 one consent; bankScope 0 = all partner banks; dataScopes as stored (comma-separated). */
    record ConsentRow(long id, long enterpriseId, long bankScope, String dataScopes, Integer activeMarker,
            Instant grantedAt, Instant revokedAt) {

        boolean active() {
            return activeMarker != null;
        }
    }

    /** The data scopes of one standing consent that covers a bank. */
    record SharedRow(long enterpriseId, String dataScopes) {
    }

    List<ConsentRow> ofEnterprise(long enterpriseId);

    boolean standing(@Param("enterpriseId") long enterpriseId, @Param("bankScope") long bankScope);

    void insert(@Param("enterpriseId") long enterpriseId, @Param("bankScope") long bankScope,
            @Param("dataScopes") String dataScopes, @Param("at") Instant at, @Param("by") long grantedBy,
            @Param("key") GeneratedId key);

    ConsentRow lock(@Param("enterpriseId") long enterpriseId, @Param("consentId") long consentId);

    void revoke(@Param("consentId") long consentId, @Param("at") Instant at, @Param("by") long revokedBy);

    ConsentRow find(long consentId);

    /** Standing consents of the enterprises to the bank or to all banks (several rows per enterprise possible). */
    List<SharedRow> sharedWith(@Param("bankId") long bankId, @Param("enterpriseIds") Collection<Long> enterpriseIds);
}
