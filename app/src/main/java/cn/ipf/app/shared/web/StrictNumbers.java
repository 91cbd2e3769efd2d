package cn.ipf.app.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds integer query and path parameters exactly. Spring's default binding trims whitespace (its number editor is
 * also the fallback when a converter refuses), so {@code /admin/users/1%20/unlock} acted on user 1. A custom editor
 * is consulted first and has no fallback: anything but an optional sign and digits is a type mismatch, answered as
 * a problem by the exception handler.
 */
@ControllerAdvice
class StrictNumbers {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");

    @InitBinder
    void strictIntegers(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Strict(Long::valueOf));
        binder.registerCustomEditor(long.class, new Strict(Long::valueOf));
        binder.registerCustomEditor(Integer.class, new Strict(Integer::valueOf));
        binder.registerCustomEditor(int.class, new Strict(Integer::valueOf));
    }

    private static final class Strict extends PropertyEditorSupport {

        private final Function<String, ? extends Number> parse;

        Strict(Function<String, ? extends Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            if (!INTEGER.matcher(text).matches()) {
                throw new IllegalArgumentException("not an integer");
            }
            setValue(parse.apply(text));
        }
    }
}
