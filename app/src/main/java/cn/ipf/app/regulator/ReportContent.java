package cn.ipf.app.regulator;

/** The bytes of one stored report file (a row of {@code statistics_report_content}). */
record ReportContent(byte[] content) {
}
