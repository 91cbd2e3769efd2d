package cn.ipf.app.imports;

import java.time.Instant;

/** 迁移文件 an uploaded import file as stored (without its bytes). */
public record ImportFileRow(long id, String kind, String sha256, String fileName, boolean xlsx, String status,
        Integer rowCount, Integer errorCount, Long jobExecutionId, Instant uploadedAt, Instant completedAt) {
}
