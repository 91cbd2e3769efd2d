package cn.ipf.app.product;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ProductMapper {

    ProductRecord find(long id);

    /** The latest version of a product code, locked: versions of one product are made one at a time. */
    ProductRecord lockLatest(@Param("bankId") long bankId, @Param("productCode") String productCode);

    List<ProductRecord> latestOfBank(long bankId);

    void insert(@Param("p") ProductRecord product, @Param("key") GeneratedId key);

    void updateStatus(@Param("id") long id, @Param("status") String status);

    void insertCollateral(@Param("productId") long productId, @Param("kind") String kind);

    void insertDistrict(@Param("productId") long productId, @Param("districtCode") String districtCode);

    void insertIndustry(@Param("productId") long productId, @Param("prefix") String prefix);
}
