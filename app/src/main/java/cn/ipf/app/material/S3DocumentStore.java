package cn.ipf.app.material;

import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Materials as objects of one bucket of an S3-compatible store (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode). */
class S3DocumentStore implements DocumentStore {

    private final S3Client client;
    private final String bucket;

    S3DocumentStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String mediaType) {
        client.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(mediaType).build(),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(client.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
