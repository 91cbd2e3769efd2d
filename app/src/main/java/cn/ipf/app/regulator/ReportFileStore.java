package cn.ipf.app.regulator;

import java.util.Optional;

/**
 * 报告文件存储 where the monthly report files' bytes are kept, so that every instance of the service serves them
 * whichever instance generated them. {@link DatabaseReportFileStore} keeps them next to their metadata; an object
 * store can take its place behind this port. The files are small (aggregates of one month), so they pass as bytes.
 */
interface ReportFileStore {

    /** Stores (or replaces) a month's file in a format, in the caller's transaction where the store has one. */
    void put(String month, String format, byte[] content);

    Optional<byte[]> get(String month, String format);
}
