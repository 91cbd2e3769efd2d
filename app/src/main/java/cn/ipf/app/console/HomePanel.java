package cn.ipf.app.console;

import cn.ipf.app.access.Caller;
import java.util.Map;
import java.util.Optional;

/**
 * A feature's panel on the signed-in person's home page (首页): implement it as a bean next to the feature's pages and
 * answer the Thymeleaf fragment to insert (e.g. {@code "subsidy/panels :: sme"}) with its model, or empty when the
 * caller's role has nothing to see there. Panels are shown in {@link #order()} order.
 */
public interface HomePanel {

    int order();

    Optional<Panel> panel(Caller caller);

    /** The fragment (template :: fragment name) and the variables it reads. */
    record Panel(String template, String fragment, Map<String, Object> model) {
    }
}
