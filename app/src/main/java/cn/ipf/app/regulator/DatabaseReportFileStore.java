package cn.ipf.app.regulator;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The report files in table {@code statistics_report_content}, written in the transaction that records them. */
@Component
class DatabaseReportFileStore implements ReportFileStore {

    private final ReportContentMapper mapper;

    DatabaseReportFileStore(ReportContentMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void put(String month, String format, byte[] content) {
        mapper.upsert(month, format, content);
    }

    @Override
    public Optional<byte[]> get(String month, String format) {
        return Optional.ofNullable(mapper.content(month, format)).map(ReportContent::content);
    }
}
