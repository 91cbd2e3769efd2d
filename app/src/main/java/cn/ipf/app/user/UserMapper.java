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

    List<UserAccount> page(@Param("offset") long offset, @Param("limit") int limit);

    long count();

    /** Whether any user holds the role (the bootstrap refuses once an administrator exists). */
    boolean roleTaken(String role);

    boolean enterpriseExists(long enterpriseId);

    boolean bankExists(long bankId);
}
