package cn.ipf.app.regulator;

import cn.ipf.app.library.LibraryTestSupport;
import cn.ipf.app.user.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A test class on its own {@link Portfolio}, with an admin and a regulator signed in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortfolioTest extends LibraryTestSupport {

    Portfolio p;
    String admin;
    String regulator;

    /** Built once for the class (the shared HTTP client exists only from the first test on). */
    @BeforeEach
    void portfolio() throws Exception {
        if (p != null) {
            return;
        }
        admin = adminToken();
        regulator = token(user(Role.REGULATOR, null, null, null));
        p = new Portfolio(this, http, jdbc, admin, this::runToEnd).build(Map.of(
                "A", sdk(app(admin, bank(admin), null)), "B", sdk(app(admin, bank(admin), null))));
    }

    /** The entries of an XLSX (a ZIP) as text, by name. */
    static Map<String, String> zipTexts(byte[] zip) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        Path file = Files.createTempFile("report-", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                for (ZipEntry e : Collections.list(z.entries())) {
                    parts.put(e.getName(), new String(z.getInputStream(e).readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }
}
