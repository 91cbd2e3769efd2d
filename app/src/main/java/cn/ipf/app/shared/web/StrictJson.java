package cn.ipf.app.shared.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict input for the API's JSON (issue 12): what is malformed is refused, never coerced. No scalar coercion (a
 * number where the contract says string, {@code "12"} for a number, {@code 0.5} for an integer, a number for a
 * date); in the contract's models ({@code cn.ipf.api.model}) no C0/C1 control characters in strings, except line
 * feeds in fields whose contract pattern is {@link #MULTI_LINE}, and every date within {@link #FIRST_DATE} ..
 * {@link #LAST_DATE}; no null inside a list. Refusals are {@code HttpMessageNotReadableException}s that name the
 * field.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /** The contract pattern of a multi-line text field: no control characters other than line feeds. */
    public static final String MULTI_LINE = "^[^\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]*$";
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);
    private static final String MODELS = "cn.ipf.api.model";

    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
                // the contract has no nullable list items: [null] is refused, not handed to the service
                .withConfigOverride(List.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Set.class, o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                // uniqueItems arrays are generated as @JsonDeserialize(as = LinkedHashSet.class)
                .withConfigOverride(LinkedHashSet.class,
                        o -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .addModule(new SimpleModule("strict-input")
                        .addDeserializer(String.class, new Text(false, false))
                        .addDeserializer(LocalDate.class, new Dates(LocalDateDeserializer.INSTANCE, false)));
    }

    private static boolean inContract(BeanProperty property) {
        return property != null && property.getMember() != null
                && property.getMember().getDeclaringClass().getPackageName().equals(MODELS);
    }

    /** Strings, refusing control characters in the contract's models. */
    static final class Text extends StdScalarDeserializer<String> {

        private final boolean checked;
        private final boolean multiLine;

        Text(boolean checked, boolean multiLine) {
            super(String.class);
            this.checked = checked;
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (!inContract(property)) {
                return this;
            }
            Pattern pattern = property.getAnnotation(Pattern.class);
            return new Text(true, pattern != null && pattern.regexp().equals(MULTI_LINE));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (checked && value != null && hasControl(value, multiLine)) {
                throw ctxt.weirdStringException(value, String.class, "control character");
            }
            return value;
        }

        static boolean hasControl(String value, boolean multiLine) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 || (c >= 0x7F && c <= 0x9F)) && !(multiLine && c == '\n')) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Dates, bounded in the contract's models. */
    static final class Dates extends StdScalarDeserializer<LocalDate> {

        private final ValueDeserializer<?> delegate;
        private final boolean checked;

        Dates(ValueDeserializer<?> delegate, boolean checked) {
            super(LocalDate.class);
            this.delegate = delegate;
            this.checked = checked;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new Dates(ctxt.handleSecondaryContextualization(LocalDateDeserializer.INSTANCE, property,
                    ctxt.constructType(LocalDate.class)), inContract(property));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            LocalDate date = (LocalDate) delegate.deserialize(p, ctxt);
            if (checked && date != null && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
                throw ctxt.weirdStringException(date.toString(), LocalDate.class, "date out of range");
            }
            return date;
        }
    }
}
