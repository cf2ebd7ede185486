package io.subregistry.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.subregistry.support.Browser;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;
import java.util.List;

import static io.subregistry.support.Browser.heading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the Chromium journeys: a fresh browser per test on the test server, signing in and out
 * of the console as a person does, and axe-core on a page (no serious or critical violation).
 */
abstract class BrowserJourney extends RegistryTest {

    protected static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    @TestHTTPResource("/")
    URL server;

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(server.toString());
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    protected void signIn(String username) {
        browser.go("/console/login");
        browser.waitFor(heading("Sign in"));
        browser.type("#username", username);
        browser.type("#password", Staff.PASSWORD);
        browser.submit("Sign in", heading("Hello, " + username));
    }

    protected void signOut() {
        browser.submit("Sign out", heading("Sign in"));
    }

    protected void assertAccessible(String page) {
        assertThat(browser.accessibilityViolations(BLOCKING_IMPACTS)).as("axe-core on " + page).isEmpty();
    }
}
