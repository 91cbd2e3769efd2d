package cn.ipf.app.shared.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds query and path parameters to the contract's enums by their wire value (e.g. {@code csv}), through the
 * generated {@code fromValue}, instead of by Java constant name. An unknown value is a conversion failure, which the
 * exception handler answers with 400 PARAMETER_INVALID.
 */
@Configuration(proxyBeanMethods = false)
class ContractEnums implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ByWireValue());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class ByWireValue implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            Method fromValue;
            try {
                fromValue = type.getMethod("fromValue", String.class);
            } catch (NoSuchMethodException e) {
                return value -> (T) Enum.valueOf(type, value.trim());
            }
            return value -> {
                try {
                    return (T) fromValue.invoke(null, value);
                } catch (InvocationTargetException e) {
                    throw new IllegalArgumentException("not a value of " + type.getSimpleName() + ": " + value, e);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }
}
