package cn.ipf.app.whitelist;

import java.time.Instant;

/** 推荐清单条目 the latest state of one enterprise on one bank's whitelist; {@code entry} is JSON, null if removed. */
public record WhitelistEntryRow(long id, long bankId, long enterpriseId, boolean listed, boolean recommended,
        String dataScopes, String changeKind, long changeId, String entry, Instant changedAt) {
}
