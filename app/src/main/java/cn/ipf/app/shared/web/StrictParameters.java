package cn.ipf.app.shared.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds integer and date query and path parameters exactly. Spring's default binding trims whitespace (its number
 * editor is also the fallback when a converter refuses), so {@code /admin/users/1%20/unlock} acted on user 1; and a
 * date parameter took any year. A custom editor is consulted first and has no fallback: anything but an optional
 * sign and digits, or a date outside {@link StrictJson#FIRST_DATE} .. {@link StrictJson#LAST_DATE}, is a type
 * mismatch, answered as a problem by the exception handler.
 */
@ControllerAdvice
class StrictParameters {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");

    @InitBinder
    void strict(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Strict(StrictParameters::integer, Long::valueOf));
        binder.registerCustomEditor(long.class, new Strict(StrictParameters::integer, Long::valueOf));
        binder.registerCustomEditor(Integer.class, new Strict(StrictParameters::integer, Integer::valueOf));
        binder.registerCustomEditor(int.class, new Strict(StrictParameters::integer, Integer::valueOf));
        binder.registerCustomEditor(LocalDate.class, new Strict(text -> true, StrictParameters::date));
    }

    private static boolean integer(String text) {
        return INTEGER.matcher(text).matches();
    }

    private static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(StrictJson.FIRST_DATE) || date.isAfter(StrictJson.LAST_DATE)) {
                throw new IllegalArgumentException("date out of range");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date", e);
        }
    }

    private static final class Strict extends PropertyEditorSupport {

        private final Predicate<String> shape;
        private final Function<String, ?> parse;

        Strict(Predicate<String> shape, Function<String, ?> parse) {
            this.shape = shape;
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            if (!shape.test(text)) {
                throw new IllegalArgumentException("malformed value");
            }
            setValue(parse.apply(text));
        }
    }
}
