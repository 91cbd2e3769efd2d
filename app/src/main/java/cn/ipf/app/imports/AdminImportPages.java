package cn.ipf.app.imports;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.imports.policy.ImportKind;
import cn.ipf.app.shared.web.Downloads;
import cn.ipf.app.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 数据导入 in the administrator's console: a history file uploaded (CSV or workbook, one kind at a time, with its
 * template to download), then its import watched until the job has checked every row: the row-by-row errors of a
 * refused file (nothing written), or the rows imported. The same {@link ImportFiles} as the API.
 */
@ConsolePage
class AdminImportPages implements ConsoleMenu {

    static final String IMPORTS = "/console/admin/imports";
    private static final int RECENT = 20;

    private final ImportFiles files;
    private final AccessPolicy access;
    private final Problems problems;

    AdminImportPages(ImportFiles files, AccessPolicy access, Problems problems) {
        this.files = files;
        this.access = access;
        this.problems = problems;
    }

    @GetMapping(IMPORTS)
    String imports(Model model) {
        admin();
        return imports(model, null, FormErrors.none());
    }

    @PostMapping(IMPORTS)
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        ImportKind chosen = Arrays.stream(ImportKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
        FormErrors errors = FormErrors.none();
        if (chosen == null) {
            errors.field("kind", problems.text(request, "admin.imports.kind.required", "choose the kind"));
        }
        if (file == null || file.isEmpty()) {
            errors.field("file", problems.text(request, "admin.imports.file.required", "choose a file"));
        }
        if (errors.any()) {
            response.setStatus(422);
            return imports(model, kind, errors);
        }
        ImportFiles.Uploaded uploaded = files.upload(chosen, file.getOriginalFilename(), bytes(file));
        return "redirect:" + IMPORTS + "/" + uploaded.file().id() + (uploaded.created() ? "" : "?again=true");
    }

    @GetMapping(IMPORTS + "/{importId}")
    String importFile(@PathVariable long importId, @RequestParam(defaultValue = "false") boolean again,
            Model model) {
        admin();
        model.addAttribute("again", again);
        return result(importId, model, "admin/import");
    }

    /** The result the page polls while the job is checking the file. */
    @GetMapping(IMPORTS + "/{importId}/result")
    String result(@PathVariable long importId, Model model) {
        admin();
        return result(importId, model, "admin/import :: result");
    }

    @GetMapping(IMPORTS + "/{importId}/errors")
    ResponseEntity<Resource> errorReport(@PathVariable long importId,
            @RequestParam(defaultValue = "false") boolean xlsx) {
        admin();
        return Downloads.temporaryFile(files.errorReport(importId, xlsx), "import-errors-" + importId, xlsx);
    }

    @GetMapping(IMPORTS + "/templates/{kind}")
    ResponseEntity<Resource> template(@PathVariable ImportKind kind) {
        admin();
        return Downloads.temporaryFile(ImportFiles.template(kind, false), "import-template-"
                + kind.name().toLowerCase(), false);
    }

    private String result(long importId, Model model, String view) {
        ImportFileRow file = files.find(importId);
        model.addAttribute("file", file);
        model.addAttribute("problems", "REJECTED".equals(file.status()) ? files.problems(importId) : List.of());
        return view;
    }

    private String imports(Model model, String kind, FormErrors errors) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("recent", files.recent(RECENT));
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/imports";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(96, "admin.imports.title", IMPORTS)) : List.of();
    }
}
