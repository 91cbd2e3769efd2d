package cn.ipf.app.material;

import java.util.Optional;

/**
 * 文档存储 where the bytes of materials are kept, by a key the service chooses (unique, never reused). The database
 * ({@link DatabaseDocumentStore}, the default) writes in the caller's transaction; an object store
 * ({@link S3DocumentStore}) writes at once, so a transaction that then rolls back leaves an unreferenced object
 * behind, never a row without its bytes.
 */
public interface DocumentStore {

    void put(String key, byte[] content, String mediaType);

    Optional<byte[]> get(String key);
}
