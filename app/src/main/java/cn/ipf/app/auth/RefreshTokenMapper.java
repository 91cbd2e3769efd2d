package cn.ipf.app.auth;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RefreshTokenMapper {

    RefreshToken lockByHash(String tokenHash);

    void insert(@Param("tokenHash") String tokenHash, @Param("familyId") String familyId,
            @Param("userId") long userId, @Param("issuedAt") Instant issuedAt, @Param("expiresAt") Instant expiresAt);

    void markRotated(@Param("id") long id, @Param("at") Instant at);

    int revokeFamily(@Param("familyId") String familyId, @Param("at") Instant at);
}
