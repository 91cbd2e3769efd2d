package cn.ipf.app.material;

import static cn.ipf.app.shared.web.ApiTime.utc;

import cn.ipf.api.model.Material;
import cn.ipf.api.model.MaterialList;
import cn.ipf.api.model.MaterialPurpose;
import cn.ipf.api.model.MaterialSubjectKind;
import cn.ipf.api.model.MaterialType;
import cn.ipf.api.server.MaterialsApi;
import cn.ipf.app.material.policy.FileType;
import cn.ipf.app.material.policy.MaterialSubject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class MaterialController implements MaterialsApi {

    private final Materials materials;

    MaterialController(Materials materials) {
        this.materials = materials;
    }

    @Override
    public ResponseEntity<Material> uploadMaterial(MaterialSubjectKind subjectKind, Long subjectId,
            MaterialPurpose purpose, MultipartFile file, String idempotencyKey) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MaterialRow stored = materials.upload(subject(subjectKind), subjectId,
                MaterialSubject.Purpose.valueOf(purpose.getValue()), file.getOriginalFilename(), content);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(stored));
    }

    @Override
    public ResponseEntity<MaterialList> listMaterials(MaterialSubjectKind subjectKind, Long subjectId) {
        return ResponseEntity.ok(new MaterialList().items(materials.list(subject(subjectKind), subjectId).stream()
                .map(MaterialController::view).toList()));
    }

    @Override
    public ResponseEntity<Resource> downloadMaterial(MaterialSubjectKind subjectKind, Long subjectId,
            Long materialId) {
        Materials.Download d = materials.open(subject(subjectKind), subjectId, materialId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.material().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(d.content()));
    }

    private static MaterialSubject subject(MaterialSubjectKind kind) {
        return switch (kind) {
            case SUBSIDY_CLAIMS -> MaterialSubject.SUBSIDY_CLAIM;
            case APPRAISALS -> MaterialSubject.APPRAISAL;
            case COMPENSATION_CLAIMS -> MaterialSubject.COMPENSATION_CLAIM;
        };
    }

    private static MaterialSubjectKind kind(String subject) {
        return switch (MaterialSubject.valueOf(subject)) {
            case SUBSIDY_CLAIM -> MaterialSubjectKind.SUBSIDY_CLAIMS;
            case APPRAISAL -> MaterialSubjectKind.APPRAISALS;
            case COMPENSATION_CLAIM -> MaterialSubjectKind.COMPENSATION_CLAIMS;
        };
    }

    private static Material view(MaterialRow m) {
        FileType type = FileType.valueOf(m.fileType());
        return new Material().materialId(m.id()).subjectKind(kind(m.subjectKind())).subjectId(m.subjectId())
                .purpose(MaterialPurpose.fromValue(m.purpose())).fileName(m.fileName())
                .type(MaterialType.fromValue(type.name())).mediaType(type.mediaType()).sizeBytes(m.sizeBytes())
                .sha256(m.sha256()).uploadedBy(m.uploadedBy()).uploadedAt(utc(m.uploadedAt()));
    }
}
