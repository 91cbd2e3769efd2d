package cn.ipf.app.demo;

import cn.ipf.app.IpfApplication;
import cn.ipf.app.testinfra.Infrastructure;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The README's first command: the whole service on embedded MariaDB and Redis with demo data. Lives in test sources
 * so that the production jar carries neither the embedded servers nor the demo. Honours {@code SERVER_PORT}; when the
 * demo cannot load, the start-up fails (closing the context stops the web server) and the JVM exits with 1, which
 * stops the embedded database and Redis through their shutdown hooks instead of leaving them running.
 */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        Infrastructure.get().properties(false).forEach(System::setProperty);
        System.setProperty("spring.profiles.active", "demo");
        try {
            SpringApplication.from(IpfApplication::main).with(DemoData.class).run(args);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DemoApplication.class).error("the demo did not start", e);
            System.exit(1);
        }
    }
}
