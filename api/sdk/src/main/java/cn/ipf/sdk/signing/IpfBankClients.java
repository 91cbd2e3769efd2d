package cn.ipf.sdk.signing;

import cn.ipf.sdk.client.ApiClient;

/** Entry point for banks: an {@link ApiClient} that signs every request with the app's credentials. */
public final class IpfBankClients {

    private IpfBankClients() {
    }

    /**
     * @param baseUri the platform's address, e.g. {@code https://ipf.example.gov.cn}
     * @param appId   the app id issued by the platform's administrator
     * @param secret  one of the app's active secrets
     */
    public static ApiClient create(String baseUri, String appId, String secret) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(new IpfRequestSigner(appId, secret));
        return client;
    }
}
