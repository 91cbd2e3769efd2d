package cn.ipf.app.testinfra;

import cn.ipf.app.IpfApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Another instance of the service in this test JVM, on the same database and Redis as the test's own context (as
 * instances behind a load balancer run), on a port of its own. It takes the schema and data as they are: test
 * configurations (which rebuild the schema) are left out of its component scan.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance start() {
        // as command-line arguments: they must win over application.yml, as the test context's dynamic properties do
        List<String> arguments = new ArrayList<>();
        Infrastructure.get().properties(false).forEach((k, v) -> arguments.add("--" + k + "=" + v));
        arguments.add("--server.port=0");
        return new SecondInstance(new SpringApplicationBuilder(IpfApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("leaveOutTestConfigurations", new LeaveOutTestConfigurations()))
                .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    /** What SpringBootTest leaves out of scanning, for a context started without it. */
    private static final class LeaveOutTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LeaveOutTestConfigurations;
        }

        @Override
        public int hashCode() {
            return LeaveOutTestConfigurations.class.hashCode();
        }
    }
}
