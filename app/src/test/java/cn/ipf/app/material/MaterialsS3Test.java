package cn.ipf.app.material;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.user.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same journeys as {@link MaterialsTest} with {@code ipf.materials.store=s3} against a real S3-compatible server
 * in the JVM (s3proxy over jclouds' in-memory "transient" blob store, AWS signature V4, path-style), plus the check
 * that the bytes are in the bucket and not in the database.
 */
class MaterialsS3Test extends MaterialsTest {

    private static final String BUCKET = "ipf-materials";
    private static final BlobStoreContext BLOBS = ContextBuilder.newBuilder("transient")
            .credentials("ipf-test", "ipf-test-secret").overrides(new Properties()).build(BlobStoreContext.class);
    private static final S3Proxy S3 = start();

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) {
        registry.add("ipf.materials.store", () -> "s3");
        registry.add("ipf.materials.s3.endpoint", () -> "http://127.0.0.1:" + S3.getPort());
        registry.add("ipf.materials.s3.region", () -> "cn-north-1");
        registry.add("ipf.materials.s3.bucket", () -> BUCKET);
        registry.add("ipf.materials.s3.path-style", () -> "true");
        registry.add("ipf.materials.s3.access-key", () -> "ipf-test");
        registry.add("ipf.materials.s3.secret-key", () -> "ipf-test-secret");
    }

    @AfterAll
    static void stop() throws Exception {
        S3.stop();
    }

    @Test
    void theBytesAreInTheBucketUnderTheRecordedKey() throws Exception {
        Person sme = person(Role.SME, null, null, null);
        String district = "370202";
        long enterpriseId = register(sme.token(), strongProfile(uscc(district), district)).get("enterpriseId")
                .asLong();
        long patentId = addInvention(sme.token(), enterpriseId, false).get("patentId").asLong();
        long appraisalId = http.with(sme.token()).post(LIB + "/" + enterpriseId + "/appraisals", java.util.Map.of(
                "assetKind", "PATENT", "assetId", patentId, "appraisedValue", 1_000_000, "appraiser", "评估所",
                "reportNo", unique("S3"), "appraisedOn", "2025-06-01")).json().get("appraisalId").asLong();
        long materialId = upload(sme.token(), "appraisals", appraisalId, "APPRAISAL_REPORT", "r.pdf", PDF).json()
                .get("materialId").asLong();

        String key = jdbc.queryForObject("SELECT storage_key FROM material WHERE id = ?", String.class, materialId);
        BlobStore store = BLOBS.getBlobStore();
        Blob blob = store.getBlob(BUCKET, key);
        assertThat(blob).as("object %s", key).isNotNull();
        try (InputStream in = blob.getPayload().openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(blob.getMetadata().getContentMetadata().getContentType()).isEqualTo("application/pdf");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM material_content WHERE storage_key = ?", Long.class,
                key)).isZero();
    }

    private static S3Proxy start() {
        BLOBS.getBlobStore().createContainerInLocation(null, BUCKET);
        S3Proxy proxy = S3Proxy.builder().blobStore(BLOBS.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + freePort()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "ipf-test", "ipf-test-secret").build();
        try {
            proxy.start();
            for (int i = 0; i < 300 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        return proxy;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
