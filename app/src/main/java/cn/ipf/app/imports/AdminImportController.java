package cn.ipf.app.imports;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.ExportFormat;
import cn.ipf.api.model.HistoryImport;
import cn.ipf.api.server.AdminImportsApi;
import cn.ipf.app.imports.policy.ImportKind;
import cn.ipf.app.shared.web.Downloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class AdminImportController implements AdminImportsApi {

    private final ImportFiles files;

    AdminImportController(ImportFiles files) {
        this.files = files;
    }

    @Override
    public ResponseEntity<HistoryImport> uploadHistoryImport(cn.ipf.api.model.ImportKind kind, MultipartFile file) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportFiles.Uploaded uploaded = files.upload(ImportKind.valueOf(kind.getValue()), file.getOriginalFilename(),
                content);
        return ResponseEntity.status(uploaded.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(view(uploaded.file()));
    }

    @Override
    public ResponseEntity<HistoryImport> getHistoryImport(Long importId) {
        return ResponseEntity.ok(view(files.find(importId)));
    }

    @Override
    public ResponseEntity<Resource> exportHistoryImportErrors(Long importId, ExportFormat format) {
        boolean xlsx = format == ExportFormat.XLSX;
        return Downloads.temporaryFile(files.errorReport(importId, xlsx), "import-errors-" + importId, xlsx);
    }

    @Override
    public ResponseEntity<Resource> downloadHistoryImportTemplate(cn.ipf.api.model.ImportKind kind,
            ExportFormat format) {
        boolean xlsx = format == ExportFormat.XLSX;
        ImportKind k = ImportKind.valueOf(kind.getValue());
        return Downloads.temporaryFile(ImportFiles.template(k, xlsx), "import-template-" + k.name().toLowerCase(),
                xlsx);
    }

    private static HistoryImport view(ImportFileRow f) {
        return new HistoryImport().importId(f.id()).kind(cn.ipf.api.model.ImportKind.fromValue(f.kind()))
                .sha256(f.sha256()).fileName(f.fileName()).status(HistoryImport.StatusEnum.fromValue(f.status()))
                .rowCount(f.rowCount()).errorCount(f.errorCount()).uploadedAt(utc(f.uploadedAt()))
                .completedAt(f.completedAt() == null ? null : utc(f.completedAt()));
    }
}
