package cn.ipf.app.webhook;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface WebhookEndpointMapper {

    void insert(@Param("e") WebhookEndpoint endpoint, @Param("key") GeneratedId key);

    WebhookEndpoint find(long id);

    /** Locks the endpoint's row and reads it. */
    WebhookEndpoint lock(long id);

    /** The bank's endpoints that are not deleted. */
    List<WebhookEndpoint> ofBank(long bankId);

    void setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

    void setSecret(@Param("id") long id, @Param("secretCiphertext") String secretCiphertext);

    void markDeleted(@Param("id") long id, @Param("at") Instant at);
}
