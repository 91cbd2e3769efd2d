package cn.ipf.app.material;

import java.time.Instant;

/** A row of {@code material}: one uploaded file of a subject; its bytes are in the document store. */
public record MaterialRow(long id, String subjectKind, long subjectId, String purpose, String fileName,
        String fileType, long sizeBytes, String sha256, String storageKey, long uploadedBy, Instant uploadedAt) {
}
