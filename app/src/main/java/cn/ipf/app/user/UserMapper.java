package cn.ipf.app.user;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface UserMapper {

    UserAccount findByUsername(String username);

    UserAccount findById(long id);

    void insert(@Param("u") UserAccount user, @Param("key") GeneratedId key);

    /** {@code like}: an escaped LIKE operand matched anywhere in the username or display name; null for any. */
    List<UserAccount> page(@Param("like") String like, @Param("role") String role, @Param("offset") long offset,
            @Param("limit") int limit);

    long count(@Param("like") String like, @Param("role") String role);

    void setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

    void setPasswordHash(@Param("id") long id, @Param("hash") String passwordHash);

    /** Whether any user holds the role (the bootstrap refuses once an administrator exists). */
    boolean roleTaken(String role);

    boolean enterpriseExists(long enterpriseId);

    boolean bankExists(long bankId);
}
