package cn.ipf.app.region.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegionListTest {

    private static final String HEADER = "code,name,level,parent_code";

    @Test
    void theShippedShandongListHasTheProvinceItsSixteenCitiesAndTheirDistricts() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/regions/shandong-gbt2260.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<RegionEntry> entries = RegionList.parse(lines);
        Map<RegionLevel, Long> byLevel = entries.stream()
                .collect(Collectors.groupingBy(RegionEntry::level, Collectors.counting()));
        assertThat(byLevel).containsEntry(RegionLevel.PROVINCE, 1L).containsEntry(RegionLevel.CITY, 16L)
                .containsEntry(RegionLevel.DISTRICT, 136L);
        Map<String, RegionEntry> byCode = entries.stream()
                .collect(Collectors.toMap(RegionEntry::code, Function.identity()));
        assertThat(byCode.get("370000").name()).isEqualTo("山东省");
        assertThat(byCode.get("370211")).isEqualTo(new RegionEntry("370211", "黄岛区", RegionLevel.DISTRICT, "370200"));
        assertThat(byCode.get("371002").parentCode()).isEqualTo("371000");
    }

    @Test
    void aWrongLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> RegionList.parse(List.of("# comment", HEADER, "370000,山东省,PROVINCE,",
                "370200,青岛市,CITY,370000", "370311,错区,DISTRICT,370200")))
                .isInstanceOf(RegionList.InvalidLine.class)
                .hasMessageContaining("line 5").hasMessageContaining("3702");
        assertThatThrownBy(() -> RegionList.parse(List.of(HEADER, "370200,青岛市,CITY,370000")))
                .hasMessageContaining("line 2").hasMessageContaining("not listed before");
        assertThatThrownBy(() -> RegionList.parse(List.of(HEADER, "370000,山东省,PROVINCE,",
                "370000,山东省,PROVINCE,"))).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> RegionList.parse(List.of("370000,山东省,PROVINCE,")))
                .hasMessageContaining("header");
        assertThatThrownBy(() -> RegionList.parse(List.of(HEADER, "370000,山东省,STATE,")))
                .hasMessageContaining("level");
    }

    @Test
    void districtCodesExtendTheirCityAndCityCodesEndInTwoZeros() {
        RegionEntry province = new RegionEntry("370000", "山东省", RegionLevel.PROVINCE, null);
        RegionEntry city = new RegionEntry("370200", "青岛市", RegionLevel.CITY, "370000");
        assertThat(RegionList.check(city, province)).isEmpty();
        assertThat(RegionList.check(new RegionEntry("370215", "即墨区", RegionLevel.DISTRICT, "370200"), city))
                .isEmpty();
        assertThat(RegionList.check(new RegionEntry("370200", "x", RegionLevel.DISTRICT, "370200"), city))
                .isPresent();
        assertThat(RegionList.check(new RegionEntry("370215", "x", RegionLevel.CITY, "370000"), province))
                .isPresent();
        assertThat(RegionList.check(new RegionEntry("370215", "x", RegionLevel.DISTRICT, "370000"), province))
                .isPresent();
        assertThat(RegionList.check(new RegionEntry("37021A", "x", RegionLevel.DISTRICT, "370200"), city))
                .isPresent();
        assertThat(RegionList.check(new RegionEntry("370216", " ", RegionLevel.DISTRICT, "370200"), city))
                .isPresent();
    }
}
