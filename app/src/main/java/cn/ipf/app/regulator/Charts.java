package cn.ipf.app.regulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart's figures as static/js/regulator.js reads them from the element's data-chart attribute: the categories
 * (months, districts), the value axes by unit, and the series (name, bar or line, axis, one value per category).
 */
public final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    public static String json(List<String> categories, List<String> axes, List<Map<String, Object>> series) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("categories", categories);
        out.put("axes", axes);
        out.put("series", series);
        return JSON.writeValueAsString(out);
    }
}
