package cn.ipf.app.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads: the export media types and attachments streamed from a file. */
public final class Downloads {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Downloads() {
    }

    public static MediaType mediaType(boolean xlsx) {
        return xlsx ? XLSX : CSV;
    }

    /** The Content-Disposition value of an attachment named {@code baseName.xlsx} or {@code .csv}. */
    public static String attachment(String baseName, boolean xlsx) {
        return ContentDisposition.attachment().filename(baseName + (xlsx ? ".xlsx" : ".csv")).build().toString();
    }

    /** A temporary export file as an attachment; the file is deleted once the response has been sent. */
    public static ResponseEntity<Resource> temporaryFile(Path file, String baseName, boolean xlsx) {
        try {
            Resource body = new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
            return ResponseEntity.ok().contentType(mediaType(xlsx))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(baseName, xlsx)).body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
