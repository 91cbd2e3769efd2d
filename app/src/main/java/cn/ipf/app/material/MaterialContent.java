package cn.ipf.app.material;

/** A row of {@code material_content}: the bytes of one stored file. */
public record MaterialContent(String storageKey, byte[] content) {
}
