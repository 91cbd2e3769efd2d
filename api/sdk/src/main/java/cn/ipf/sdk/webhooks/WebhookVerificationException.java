package cn.ipf.sdk.webhooks;

/** A webhook request that must not be trusted: headers missing or malformed, too old or too new, or not signed. */
public class WebhookVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
