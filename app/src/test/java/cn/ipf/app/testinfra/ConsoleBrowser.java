package cn.ipf.app.testinfra;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The browser of a console test class (register it as a static extension): started at the class's first test,
 * without cookies at the start of each (nobody signed in), screenshotted when a test fails, closed after the class.
 */
public final class ConsoleBrowser implements AfterAllCallback, TestWatcher {

    private Browser browser;

    /** The class's browser for the server at {@code base}, started at first use, with no cookies. */
    public Browser signedOut(String base) {
        if (browser == null) {
            browser = Browser.start(base);
        }
        browser.driver().manage().deleteAllCookies();
        return browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser != null) {
            browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
