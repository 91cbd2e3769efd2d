package cn.ipf.app.whitelist;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 推荐清单拉取 a bank's whitelist changes after a cursor, latest state per enterprise, in change-id order. */
@Service
class WhitelistFeed {

    private final WhitelistMapper mapper;

    WhitelistFeed(WhitelistMapper mapper) {
        this.mapper = mapper;
    }

    /** One page: up to {@code limit} rows, and whether more follow. */
    record Page(List<WhitelistEntryRow> items, boolean hasMore) {
    }

    @Transactional(readOnly = true)
    Page changes(long bankId, long after, int limit) {
        List<WhitelistEntryRow> rows = mapper.changes(bankId, after, limit + 1);
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }
}
