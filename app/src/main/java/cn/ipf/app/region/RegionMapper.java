package cn.ipf.app.region;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 行政区划 the deployment's regions (GB/T 2260 codes): a province or city and its districts. */
@Mapper
public interface RegionMapper {

    /** A district, retired or not: valid for records that already name it. */
    boolean isDistrict(String code);

    /** A district that is not retired: the only ones new enterprises, reviewers and products may choose. */
    boolean isOpenDistrict(String code);

    List<Region> findAll();

    Region find(String code);

    /** Locks the region's row for a change. */
    Region lock(String code);

    void insert(@Param("r") Region region);

    void rename(@Param("code") String code, @Param("name") String name);

    void retire(@Param("code") String code, @Param("at") Instant at);
}
