package cn.ipf.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A console page that fails while it is rendered (here: a template that does not exist) shows the console's error
 * page with the trace id, in the page's language, while a program asking for JSON still gets the problem.
 */
@Import(ConsoleErrorPageTest.BrokenPage.class)
class ConsoleErrorPageTest extends IntegrationTest {

    /** Under the sign-up pages, which anyone may open. */
    static final String BROKEN = "/console/sign-up/broken-for-test";

    @TestConfiguration
    static class BrokenPage {

        @Bean
        Broken broken() {
            return new Broken();
        }
    }

    @Controller
    @ConsolePage
    static class Broken {

        @GetMapping(BROKEN)
        String page() {
            return "console/no-such-template";
        }
    }

    @Test
    void aPageThatFailsToRenderIsTheConsolesErrorPageWithItsTraceId() {
        Http.Response page = new Http("http://localhost:" + port).header("Accept", "text/html").get(BROKEN);
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String trace = page.header("X-Request-Id");
        assertThat(page.body()).contains("系统出错，未能完成操作", "服务器处理请求时出错", "请求编号（traceId）：" + trace, "返回首页");

        Http.Response english = new Http("http://localhost:" + port).header("Accept", "text/html")
                .get(BROKEN + "?lang=en");
        assertThat(english.status()).isEqualTo(500);
        assertThat(english.body()).contains("Something went wrong on our side", "quote the traceId", "Trace id: ");

        Http.Response program = new Http("http://localhost:" + port).header("Accept", "application/json").get(BROKEN);
        assertThat(program.status()).isEqualTo(500);
        assertThat(program.code()).isEqualTo("INTERNAL_ERROR");
    }
}
