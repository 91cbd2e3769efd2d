package cn.ipf.app.region;

import java.time.Instant;

/** 行政区划 one region of the deployment, as stored; {@code retiredAt} is set once a district is retired. */
public record Region(String code, String name, String regionLevel, String parentCode, Instant retiredAt) {
}
