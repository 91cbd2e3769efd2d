package cn.ipf.app.material;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.FileAccess;
import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.material.policy.FileType;
import cn.ipf.app.material.policy.MaterialSubject;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.persistence.GeneratedId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申报材料 the files behind declarations, fee invoices, appraisal reports and compensation evidence. An upload is
 * checked in this order, each refusal writing nothing: the subject is visible to the caller (404), the caller may
 * write (403), the purpose fits the subject, the size, the type by content, the virus scan. The bytes go to the
 * {@link DocumentStore}, the SHA-256 and the detected type to table {@code material}. Every download is audited
 * ({@code MATERIAL_VIEWED}: who read which file). Who may do what is {@link AccessPolicy#fileAccess}'s answer.
 */
@Service
public class Materials {

    private static final int MAX_FILE_NAME = 255;

    private final MaterialMapper mapper;
    private final DocumentStore store;
    private final VirusScanner scanner;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxBytes;

    Materials(MaterialMapper mapper, DocumentStore store, VirusScanner scanner, AccessPolicy access,
            AuditTrail audit, Clock clock, MaterialsProperties properties) {
        this.mapper = mapper;
        this.store = store;
        this.scanner = scanner;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = properties.maxSize().toBytes();
    }

    /** The largest file taken, in whole megabytes, for the forms' hints and messages. */
    public long maxSizeInMegabytes() {
        return maxBytes / (1024 * 1024);
    }

    /** A stored file and its bytes. */
    public record Download(MaterialRow material, byte[] content) {

        public FileType type() {
            return FileType.valueOf(material.fileType());
        }
    }

    /** Stores one file of the subject for the calling user. */
    @Transactional
    public MaterialRow upload(MaterialSubject subject, long subjectId, MaterialSubject.Purpose purpose,
            String fileName, byte[] content) {
        Caller caller = access.caller();
        if (accessTo(caller, subject, subjectId) != FileAccess.WRITE) {
            throw new ApiException(ErrorCode.FORBIDDEN);
        }
        if (!subject.takes(purpose)) {
            throw new ApiException(ErrorCode.MATERIAL_PURPOSE_MISMATCH, subject.name(), subject.purposes().stream()
                    .map(Enum::name).sorted().collect(Collectors.joining(", ")));
        }
        if (content.length > maxBytes) {
            throw new ApiException(ErrorCode.MATERIAL_TOO_LARGE, Integer.toString(content.length),
                    Long.toString(maxBytes));
        }
        FileType type = FileType.detect(content)
                .orElseThrow(() -> new ApiException(ErrorCode.MATERIAL_TYPE_UNSUPPORTED));
        String threat = scanner.findThreat(content);
        if (threat != null) {
            throw new ApiException(ErrorCode.MATERIAL_INFECTED, threat);
        }
        String sha256 = sha256(content);
        String storageKey = "materials/" + subject.name().toLowerCase() + "/" + subjectId + "/" + UUID.randomUUID();
        store.put(storageKey, content, type.mediaType());
        GeneratedId key = new GeneratedId();
        mapper.insert(new MaterialRow(0, subject.name(), subjectId, purpose.name(), cleanName(fileName), type.name(),
                content.length, sha256, storageKey, caller.userId(), clock.instant()), key);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("subjectKind", subject.name());
        changes.put("subjectId", subjectId);
        changes.put("purpose", purpose.name());
        changes.put("fileType", type.name());
        changes.put("sizeBytes", content.length);
        changes.put("sha256", sha256);
        audit.record("MATERIAL_UPLOADED", "MATERIAL", key.getId(), changes);
        return mapper.find(key.getId());
    }

    /** The subject's files, oldest first. */
    public List<MaterialRow> list(MaterialSubject subject, long subjectId) {
        accessTo(access.caller(), subject, subjectId);
        return mapper.list(subject.name(), subjectId);
    }

    /** One file with its bytes; the reading is audited. */
    @Transactional
    public Download open(MaterialSubject subject, long subjectId, long materialId) {
        accessTo(access.caller(), subject, subjectId);
        MaterialRow m = mapper.find(materialId);
        if (m == null || !m.subjectKind().equals(subject.name()) || m.subjectId() != subjectId) {
            throw new ApiException(ErrorCode.MATERIAL_NOT_FOUND, materialId);
        }
        byte[] content = store.get(m.storageKey()).orElseThrow(() -> new IllegalStateException(
                "material " + materialId + " has no content under " + m.storageKey()));
        audit.record("MATERIAL_VIEWED", "MATERIAL", materialId, Map.of("subjectKind", subject.name(), "subjectId",
                subjectId, "fileName", m.fileName(), "sha256", m.sha256()));
        return new Download(m, content);
    }

    /** What the caller may do with the subject's files; 404 when nothing (the subject's existence is not told). */
    private FileAccess accessTo(Caller caller, MaterialSubject subject, long subjectId) {
        MaterialSubjectRow s = mapper.subject(subject.name(), subjectId);
        FileAccess granted = s == null ? FileAccess.NONE
                : access.fileAccess(caller, s.enterpriseId(), s.districtCode(), s.bankId());
        if (!granted.reads()) {
            throw new ApiException(ErrorCode.MATERIAL_SUBJECT_NOT_FOUND, subject.name(), subjectId);
        }
        return granted;
    }

    /** The name without any path, control characters or quotes (it is shown and sent back in a header). */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
