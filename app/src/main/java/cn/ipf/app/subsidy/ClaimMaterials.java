package cn.ipf.app.subsidy;

import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.material.MaterialRow;
import cn.ipf.app.material.Materials;
import cn.ipf.app.material.policy.MaterialSubject;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files (申报材料) a claim's console form takes with it: a declaration's materials, a fee claim's invoices. The
 * claim's step and its files are one transaction, so a refused file leaves the claim as it was; each file is checked
 * by {@link Materials} (type by content, size, virus scan, SHA-256) and a refusal is shown by the file field.
 */
@Component
class ClaimMaterials {

    /** The file input of the forms that take materials. */
    static final String FIELD = "files";

    private final Materials materials;
    private final ConsoleForms forms;
    private final Problems problems;
    private final TransactionTemplate tx;

    ClaimMaterials(Materials materials, ConsoleForms forms, Problems problems, PlatformTransactionManager transactions) {
        this.materials = materials;
        this.forms = forms;
        this.problems = problems;
        this.tx = new TransactionTemplate(transactions);
        // its own transaction: after a refusal the page is rendered from what is committed, not the undone step
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The files actually chosen: an empty file input still sends one nameless, empty part. */
    static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())
                .toList();
    }

    /**
     * Runs the claim's step, which answers the claim's id, and stores the files on that claim, in one transaction;
     * answers no errors when done, else what to show: a refused file by the file field with its name, any other
     * refusal as {@link ConsoleForms#refusal}. The response gets the refusal's status.
     */
    FormErrors withFiles(MaterialSubject.Purpose purpose, List<MultipartFile> files, LongSupplier step,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            tx.executeWithoutResult(s -> store(step.getAsLong(), purpose, files));
            return FormErrors.none();
        } catch (FileRefused e) {
            response.setStatus(e.refusal.code().status().value());
            return FormErrors.none().field(FIELD, problems.text(request, "materials.refused",
                    new Object[] {e.fileName, forms.describe(request, e.refusal)}, e.refusal.code().name()));
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return forms.refusal(request, e);
        }
    }

    /**
     * The message by the file field after an upload over the multipart limit, which
     * {@link cn.ipf.app.material.UploadLimitFilter} sends back to the form's page with {@code ?upload=tooLarge}.
     */    FormErrors errors(String upload, HttpServletRequest request) {
        return "tooLarge".equals(upload) ? FormErrors.none().field(FIELD, problems.text(request,
                "materials.tooLarge", new Object[] {materials.maxSizeInMegabytes()}, "PAYLOAD_TOO_LARGE"))
                : FormErrors.none();
    }

    /** The message by the file field when a form needs at least one file. */
    FormErrors required(HttpServletRequest request, String key) {
        return FormErrors.none().field(FIELD, problems.text(request, key, key));
    }

    List<MaterialRow> of(long claimId) {
        return materials.list(MaterialSubject.SUBSIDY_CLAIM, claimId);
    }

    Materials.Download open(long claimId, long materialId) {
        return materials.open(MaterialSubject.SUBSIDY_CLAIM, claimId, materialId);
    }

    long maxSizeInMegabytes() {
        return materials.maxSizeInMegabytes();
    }

    private void store(long claimId, MaterialSubject.Purpose purpose, List<MultipartFile> files) {
        for (MultipartFile f : files) {
            try {
                materials.upload(MaterialSubject.SUBSIDY_CLAIM, claimId, purpose, f.getOriginalFilename(),
                        f.getBytes());
            } catch (ApiException e) {
                throw new FileRefused(f.getOriginalFilename(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A file the material service refused, with its name for the message; rolls the step back. */
    private static final class FileRefused extends RuntimeException {

        private final transient String fileName;
        private final transient ApiException refusal;

        FileRefused(String fileName, ApiException refusal) {
            super(refusal.getMessage(), refusal, false, false);
            this.fileName = fileName;
            this.refusal = refusal;
        }
    }
}
