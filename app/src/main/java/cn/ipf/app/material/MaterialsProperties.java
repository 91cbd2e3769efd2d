package cn.ipf.app.material;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ipf.materials.*}: the upload limit and where the files are stored.
 *
 * @param maxSize the largest file taken (10 MB by default; the multipart limit of 16 MB stays above it)
 * @param store   {@code database} (default) or {@code s3}
 * @param s3      the object store, for {@code store=s3}
 */
@ConfigurationProperties("ipf.materials")
public record MaterialsProperties(DataSize maxSize, String store, S3 s3) {

    /**
     * @param endpoint  the S3-compatible endpoint (absent: AWS's own for the region)
     * @param region    the region (any name for most S3-compatible stores)
     * @param bucket    the bucket, which must exist
     * @param pathStyle address the bucket in the path, not the host name (MinIO, Ceph, s3proxy)
     * @param accessKey the access key id (absent: the SDK's default credential chain)
     * @param secretKey its secret
     */
    public record S3(URI endpoint, String region, String bucket, boolean pathStyle, String accessKey,
            String secretKey) {
    }

    public MaterialsProperties {
        if (maxSize == null) {
            maxSize = DataSize.ofMegabytes(10);
        }
        if (store == null || store.isBlank()) {
            store = "database";
        }
    }
}
