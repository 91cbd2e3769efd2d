package cn.ipf.app.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, in the page's language: a message per field (shown by the field, with
 * {@code aria-describedby}) and in the summary at the top, where a message without a field (e.g. a deadline
 * passed) appears too. The fragment {@code console/forms :: summary(errors)} shows the summary and
 * {@code console/forms :: error(errors, 'account.number')} a field's message.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors field(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    public FormErrors general(String message) {
        general.add(message);
        return this;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field's message, or null. */
    public String field(String field) {
        return fields.get(field);
    }

    /** Field → message, in the order found. */
    public Map<String, String> fields() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The messages without a field (the summary lists them first, then each field's, linked to the field). */
    public List<String> general() {
        return List.copyOf(general);
    }
}
