package cn.ipf.app.region;

import org.apache.ibatis.annotations.Mapper;

/** 行政区划 the deployment's regions (GB/T 2260 codes): one city and its districts. */
@Mapper
public interface RegionMapper {

    boolean isDistrict(String code);
}
