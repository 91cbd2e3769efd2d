package cn.ipf.app.webhook;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface WebhookEndpointMapper {

    void insert(@Param("e") WebhookEndpoint endpoint, @Param("key") GeneratedId key);

    WebhookEndpoint find(long id);

    List<WebhookEndpoint> ofBank(long bankId);
}
