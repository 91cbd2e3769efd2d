package cn.ipf.app.webhook;

/** The events the platform sends to banks' webhook endpoints; {@link #wireName()} is the payload's {@code type}. */
public enum WebhookEventType {
    APPLICATION_SUBMITTED("application.submitted"),
    APPLICATION_WITHDRAWN("application.withdrawn"),
    APPLICATION_INFO_PROVIDED("application.info_provided"),
    OFFER_ACCEPTED("application.offer_accepted"),
    OFFER_DECLINED("application.offer_declined"),
    CONSENT_GRANTED("consent.granted"),
    CONSENT_REVOKED("consent.revoked"),
    LIBRARY_ENTERPRISE_ADMITTED("library.enterprise_admitted"),
    LIBRARY_ENTERPRISE_RECOMMENDED("library.enterprise_recommended"),
    LIBRARY_ENTERPRISE_WITHDRAWN("library.enterprise_withdrawn"),
    PLEDGE_ASSET_AT_RISK("pledge.asset_at_risk"),
    PLEDGE_DEADLINE_AHEAD("pledge.deadline_ahead");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
