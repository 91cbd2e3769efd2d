package cn.ipf.app.shared.web;

import cn.ipf.api.model.PageMeta;
import java.util.List;
import java.util.function.ToLongFunction;

/** Zero-based page requests and the page block of list responses; keyset pages for long, growing lists. */
public final class Pages {

    public static final int DEFAULT_SIZE = 20;

    private Pages() {
    }

    public static Request request(Integer page, Integer size) {
        return new Request(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** A validated page request (the contract bounds page ≥ 0 and 1 ≤ size ≤ 200). */
    public record Request(int page, int size) {

        public long offset() {
            return (long) page * size;
        }

        public PageMeta meta(long totalElements) {
            return new PageMeta().page(page).size(size).totalElements(totalElements)
                    .totalPages((int) ((totalElements + size - 1) / size));
        }
    }

    /** A keyset page request (the contract bounds the cursor to an id and 1 ≤ size ≤ 200). */
    public static Keyset keyset(String cursor, Integer size) {
        return new Keyset(cursor == null ? null : Long.valueOf(cursor), size == null ? DEFAULT_SIZE : size);
    }

    /**
     * Keyset paging over a list ordered by id, newest first: a page is the rows with an id below the cursor (the last
     * id of the page before), so every page costs the same however deep, and no total is counted.
     */
    public record Keyset(Long before, int size) {

        /** Rows to read: one more than the page, which tells whether a next page exists. */
        public int limit() {
            return size + 1;
        }

        /** The page out of at most {@link #limit()} rows read, with the cursor of the next page if there is one. */
        public <T> Slice<T> slice(List<T> rows, ToLongFunction<T> id) {
            if (rows.size() <= size) {
                return new Slice<>(rows, null);
            }
            List<T> page = rows.subList(0, size);
            return new Slice<>(page, Long.toString(id.applyAsLong(page.get(size - 1))));
        }
    }

    /** One keyset page: its items and the cursor of the next page (null on the last). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }
}
