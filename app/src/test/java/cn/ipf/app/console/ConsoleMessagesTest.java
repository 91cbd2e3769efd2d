package cn.ipf.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every console label exists in Chinese and in English. */
class ConsoleMessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties zh = load("i18n/console.properties");
        Properties en = load("i18n/console_en.properties");
        assertThat(zh).isNotEmpty();
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(ConsoleMessagesTest.class.getClassLoader()
                .getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
