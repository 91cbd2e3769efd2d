package cn.ipf.app.access;

import org.apache.ibatis.annotations.Mapper;

/** The two facts access decisions read: an SME user's enterprise and an enterprise's district. */
@Mapper
interface AccessMapper {

    Long enterpriseOfUser(long userId);

    String districtOfEnterprise(long enterpriseId);
}
