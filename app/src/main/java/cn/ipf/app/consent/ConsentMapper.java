package cn.ipf.app.consent;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
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

    List<ConsentRow> ofEnterprise(long enterpriseId);

    boolean standing(@Param("enterpriseId") long enterpriseId, @Param("bankScope") long bankScope);

    void insert(@Param("enterpriseId") long enterpriseId, @Param("bankScope") long bankScope,
            @Param("dataScopes") String dataScopes, @Param("at") Instant at, @Param("by") long grantedBy,
            @Param("key") GeneratedId key);

    ConsentRow lock(@Param("enterpriseId") long enterpriseId, @Param("consentId") long consentId);

    void revoke(@Param("consentId") long consentId, @Param("at") Instant at, @Param("by") long revokedBy);

    ConsentRow find(long consentId);

    /** The data scopes of the enterprise's standing consents covering the bank (to it or to all banks). */
    List<String> sharedWith(@Param("bankId") long bankId, @Param("enterpriseId") long enterpriseId);
}
