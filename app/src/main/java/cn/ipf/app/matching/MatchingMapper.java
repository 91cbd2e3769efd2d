package cn.ipf.app.matching;

import cn.ipf.app.product.ProductRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MatchingMapper {

    /** What matching needs to know about an enterprise on a date (beyond its profile). */
    record Profile(BigDecimal demandAmount, Integer demandTermMonths, String preferredBankIds, String creditRating,
            int validInventions) {
    }

    /** Appraised value of the enterprise's valid assets of one collateral kind. */
    record KindValue(String kind, BigDecimal assetValue) {
    }

    Profile profile(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);

    List<KindValue> assetValues(@Param("enterpriseId") long enterpriseId, @Param("on") LocalDate on);

    List<ProductRecord> activeProducts();
}
