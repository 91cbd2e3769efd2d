package cn.ipf.app.material;

import java.util.Optional;

/** Materials in table {@code material_content}, written in the transaction that records the file. */
class DatabaseDocumentStore implements DocumentStore {

    private final MaterialMapper mapper;

    DatabaseDocumentStore(MaterialMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void put(String key, byte[] content, String mediaType) {
        mapper.insertContent(key, content);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(mapper.content(key)).map(MaterialContent::content);
    }
}
