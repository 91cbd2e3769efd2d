package cn.ipf.app.material;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The document store chosen by {@code ipf.materials.store} and the default (accepting) virus scanner. */
@Configuration(proxyBeanMethods = false)
class MaterialsConfig {

    @Bean
    @ConditionalOnProperty(prefix = "ipf.materials", name = "store", havingValue = "database", matchIfMissing = true)
    DocumentStore databaseDocumentStore(MaterialMapper mapper) {
        return new DatabaseDocumentStore(mapper);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "ipf.materials", name = "store", havingValue = "s3")
    S3Client materialsS3Client(MaterialsProperties properties) {
        MaterialsProperties.S3 s3 = properties.s3();
        if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("ipf.materials.store=s3 needs ipf.materials.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region()))
                .forcePathStyle(s3.pathStyle())
                // checksums only where S3 requires them: many S3-compatible stores reject the SDK's default
                // aws-chunked uploads with trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(s3.accessKey() == null || s3.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
                                s3.secretKey())));
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "ipf.materials", name = "store", havingValue = "s3")
    DocumentStore s3DocumentStore(S3Client materialsS3Client, MaterialsProperties properties) {
        return new S3DocumentStore(materialsS3Client, properties.s3().bucket());
    }

    /** Accepts every file: replace it with a real scanner bean in a deployment that has one. */
    @Bean
    @ConditionalOnMissingBean(VirusScanner.class)
    VirusScanner acceptingVirusScanner() {
        return content -> null;
    }
}
