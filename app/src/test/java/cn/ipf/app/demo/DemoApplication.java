package cn.ipf.app.demo;

import cn.ipf.app.IpfApplication;
import cn.ipf.app.testinfra.Infrastructure;
import org.springframework.boot.SpringApplication;

/**
 * The README's first command: the whole service on embedded MariaDB and Redis with demo data. Lives in test sources
 * so that the production jar carries neither the embedded servers nor the demo.
 */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        Infrastructure.get().properties(false).forEach(System::setProperty);
        System.setProperty("spring.profiles.active", "demo");
        SpringApplication.from(IpfApplication::main).with(DemoData.class).run(args);
    }
}
