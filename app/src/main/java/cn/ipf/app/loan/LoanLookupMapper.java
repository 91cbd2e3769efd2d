package cn.ipf.app.loan;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LoanLookupMapper {

    Long loanOf(@Param("bankId") long bankId, @Param("ref") String ref, @Param("enterpriseId") long enterpriseId);
}
