package cn.ipf.app.shared.web;

import cn.ipf.app.shared.error.ErrorCode;
import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem+json for the refusals that never reach a controller: Spring Security's firewall ({@code //}, {@code /./},
 * {@code ;x=1}, encoded slashes …) and Tomcat itself (oversized headers, undecodable URIs).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    /** Picked up by Spring Security's {@code WebSecurity} for the firewall's rejections. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, e) -> {
            log.info("firewall rejected {}: {}", request.getRequestURI(), e.getMessage());
            problems.write(request, response, ErrorCode.REQUEST_REJECTED);
        };
    }

    /**
     * Replaces the host's HTML error report: the host adds its default valve at start only when none of the named
     * class is in its pipeline yet, and the context is attached to the host before customizers run.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(Problems problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ProblemReportValve(problems));
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
