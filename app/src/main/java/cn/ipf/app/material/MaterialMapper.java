package cn.ipf.app.material;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MaterialMapper {

    /** The subject's enterprise, district and filing bank; null when there is no such subject. */
    MaterialSubjectRow subject(@Param("kind") String kind, @Param("id") long id);

    void insert(@Param("m") MaterialRow material, @Param("key") GeneratedId key);

    MaterialRow find(long id);

    List<MaterialRow> list(@Param("kind") String kind, @Param("id") long id);

    void insertContent(@Param("key") String key, @Param("content") byte[] content);

    /** A row, not a bare byte[]: MyBatis takes an array return type for many rows. */
    MaterialContent content(String key);
}
