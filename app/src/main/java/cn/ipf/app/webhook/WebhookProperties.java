package cn.ipf.app.webhook;

import cn.ipf.app.webhook.policy.RetrySchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ipf.webhooks.*}: where endpoints may point, and how the dispatcher sends and retries.
 *
 * @param allowHttp             accept plain-http endpoint URLs (demo, tests); production wants https
 * @param allowPrivateAddresses accept endpoints on loopback, private and link-local addresses (demo, tests only)
 * @param dispatch              the scheduled dispatcher
 * @param connectTimeout        TCP/TLS connect timeout of one attempt
 * @param requestTimeout        longest wait for each read of the response; connect + request timeout is also an
 *                              attempt's total deadline (the response body is never read)
 * @param firstRetryDelay       delay after the first failed attempt; doubles with every further failure
 * @param maxRetryDelay         cap of the delay
 * @param maxAttempts           attempts (per round: a redelivery starts a new one) before a delivery FAILS
 */
@ConfigurationProperties("ipf.webhooks")
public record WebhookProperties(boolean allowHttp, boolean allowPrivateAddresses, Dispatch dispatch,
        Duration connectTimeout, Duration requestTimeout, Duration firstRetryDelay, Duration maxRetryDelay,
        int maxAttempts) {

    /**
     * @param enabled   run the dispatcher on a schedule in this instance (tests drive it by hand)
     * @param interval  pause between two runs; each run sends everything due
     * @param batchSize deliveries claimed and sent concurrently at a time
     * @param lease     how long a claimed delivery is reserved for this instance; when it crashes the delivery is
     *                  sent again after the lease (at least once)
     */
    public record Dispatch(boolean enabled, Duration interval, int batchSize, Duration lease) {
    }

    public WebhookProperties {
        if (dispatch.lease().compareTo(connectTimeout.plus(requestTimeout).multipliedBy(2)) < 0) {
            // a lease running out while the attempt is still under way would let another instance send it too
            throw new IllegalStateException(
                    "ipf.webhooks.dispatch.lease must be at least twice connect-timeout + request-timeout");
        }
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetryDelay, maxRetryDelay, maxAttempts);
    }
}
