package cn.ipf.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Enterprises named like spreadsheet formulas (OWASP CSV injection) come out of the recommendation export as text:
 * neutralised with a leading apostrophe in CSV, string cells with the exact name in XLSX. The other exports share
 * the writer ({@code TableFile}, tested in {@code TableFileTest}).
 */
class ExportInjectionTest extends LibraryTestSupport {

    private static final String EXPORT = "/api/v1/library/recommendations/export?format=";
    private static final List<String> NAMES = List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0");

    @Test
    void formulaLikeNamesAreTextInTheRecommendationExports() throws Exception {
        Person city = cityReviewer();
        for (String name : NAMES) {
            Map<String, Object> profile = strongProfile(uscc("370202"), "370202");
            profile.put("name", name);
            long id = admittedStrong("370202", profile);
            assertThat(http.with(city.token()).post(LIB + "/" + id + "/recommendation", null).status())
                    .isEqualTo(200);
        }

        Download csv = download(city.token(), EXPORT + "csv");
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
                .contains(",'+cmd|' /C calc'!A0,")
                .doesNotContain(",\"=HYPERLINK").doesNotContain(",+cmd");
        // amounts stay plain numbers
        assertThat(text).contains(",2000000.00,");

        Download xlsx = download(city.token(), EXPORT + "xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<String>> sheet = firstSheet(xlsx.body(), 10);
        assertThat(sheet.stream().map(row -> row.get(1)).toList()).containsAll(NAMES);
    }
}
