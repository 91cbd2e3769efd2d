package cn.ipf.app.region.policy;

/** One row of a region list: a GB/T 2260 code, its name, level and parent (null for the province). */
public record RegionEntry(String code, String name, RegionLevel level, String parentCode) {
}
