package cn.ipf.app.imports;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.imports.policy.ImportKind;
import cn.ipf.app.imports.policy.ImportProblem;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.XlsxTable;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.imports.HistoryImportJobConfig;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 迁移文件 uploaded import files: stored once per SHA-256 (the same file uploaded again answers the earlier import and
 * writes nothing), then handed to the {@value HistoryImportJobConfig#JOB_NAME} job once the upload has committed
 * (the job reads the file on its own connection).
 */
@Service
public class ImportFiles {

    private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);

    private final HistoryMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JobControl jobs;
    private final java.time.Clock clock;

    ImportFiles(HistoryMapper mapper, AccessPolicy access, AuditTrail audit, ApplicationEventPublisher events,
            JobControl jobs, java.time.Clock clock) {
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** An upload: the import and whether it is new (false: the same bytes were uploaded before). */
    record Uploaded(ImportFileRow file, boolean created) {
    }

    record Stored(long fileId) {
    }

    @Transactional
    Uploaded upload(ImportKind kind, String fileName, byte[] content) {
        String sha = sha256(content);
        ImportFileRow existing = mapper.fileBySha256(sha);
        if (existing != null) {
            return new Uploaded(existing, false);
        }
        GeneratedId key = new GeneratedId();
        boolean xlsx = XlsxTable.isWorkbook(content);
        String name = fileName == null || fileName.isBlank() ? kind.name().toLowerCase() + (xlsx ? ".xlsx" : ".csv")
                : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        mapper.insertFile(kind.name(), sha, name, xlsx, content, access.caller().userId(), clock.instant(), key);
        audit.record("IMPORT_UPLOADED", "IMPORT_FILE", key.getId(), Map.of("kind", kind.name(), "sha256", sha,
                "fileName", name, "bytes", content.length));
        events.publishEvent(new Stored(key.getId()));
        return new Uploaded(mapper.file(key.getId()), true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void launch(Stored stored) {
        try {
            long execution = jobs.launch(HistoryImportJobConfig.JOB_NAME,
                    Map.of(HistoryImportJobConfig.FILE, Long.toString(stored.fileId()))).executionId();
            mapper.setJobExecution(stored.fileId(), execution);
        } catch (Exception e) {
            log.error("history import {} could not be launched", stored.fileId(), e);
            mapper.finish(stored.fileId(), "FAILED", 0, 0, clock.instant());
        }
    }

    /** The import, its status FAILED when its job failed before finishing it. */
    @Transactional(readOnly = true)
    ImportFileRow find(long id) {
        ImportFileRow file = mapper.file(id);
        if (file == null) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        if ("VALIDATING".equals(file.status()) && file.jobExecutionId() != null) {
            boolean failed = jobs.find(file.jobExecutionId()).map(run -> "FAILED".equals(run.status())
                    || "STOPPED".equals(run.status()) || "ABANDONED".equals(run.status())).orElse(false);
            if (failed) {
                return new ImportFileRow(file.id(), file.kind(), file.sha256(), file.fileName(), file.xlsx(),
                        "FAILED", file.rowCount(), file.errorCount(), file.jobExecutionId(), file.uploadedAt(),
                        file.completedAt());
            }
        }
        return file;
    }

    /** The latest uploads, newest first (their status as stored). */
    @Transactional(readOnly = true)
    List<ImportFileRow> recent(int limit) {
        return mapper.recentFiles(limit);
    }

    /** The import's errors in file order: empty unless it was REJECTED. */
    @Transactional(readOnly = true)
    List<ImportProblem> problems(long id) {
        find(id);
        return mapper.errors(id);
    }

    /** The error report: one line per error. */
    @Transactional(readOnly = true)
    Path errorReport(long id, boolean xlsx) {
        List<List<Object>> rows = problems(id).stream().map(ImportFiles::line).toList();
        return TableFile.write(xlsx, "errors", List.of("row", "column", "code", "message_zh", "message_en"), rows);
    }

    static Path template(ImportKind kind, boolean xlsx) {
        return TableFile.write(xlsx, kind.name().toLowerCase(), kind.columns(), List.of());
    }

    private static List<Object> line(ImportProblem p) {
        return List.of(String.valueOf(p.row()), p.column(), p.code(), p.messageZh(), p.messageEn());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
