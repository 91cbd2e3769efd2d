package cn.ipf.app.auth;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SignUpMapper {

    void insert(@Param("s") SignUpRecord signUp, @Param("key") GeneratedId key);

    SignUpRecord findByFormKey(String formKey);

    SignUpRecord lock(long id);

    /** The approved sign-up that made the user's account; null for accounts made otherwise. */
    SignUpRecord approvedFor(long userId);

    /** The newest sign-up under a username that has no account yet (pending or rejected). */
    SignUpRecord latestUnapproved(String username);

    /** Pending sign-ups a reviewer of the district sees (those without a district too); null district: all. */
    List<SignUpRecord> pending(@Param("district") String district);

    long countPending(@Param("district") String district);

    boolean pendingFor(String uscc);

    /** Whether the USCC already has an SME account: an approved sign-up or a user bound to its enterprise. */
    boolean accountFor(String uscc);

    boolean usernameTaken(String username);

    /** The enterprise registered under the USCC, or null. */
    EnterpriseRef enterprise(String uscc);

    /** The enabled SME account of a USCC (approved sign-up first, else a user bound to the enterprise), or null. */
    Long smeUserOf(String uscc);

    int decide(@Param("id") long id, @Param("status") String status, @Param("reason") String reason,
            @Param("decidedBy") long decidedBy, @Param("decidedAt") java.time.Instant decidedAt,
            @Param("userId") Long userId, @Param("enterpriseId") Long enterpriseId);

    /** The id and district of a registered enterprise. */
    record EnterpriseRef(long id, String districtCode) {
    }
}
