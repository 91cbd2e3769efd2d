package cn.ipf.app.shared.web;

import cn.ipf.api.model.PageMeta;

/** Zero-based page requests and the page block of list responses. */
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
}
