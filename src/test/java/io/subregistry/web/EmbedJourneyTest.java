package io.subregistry.web;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.brand.BrandService;
import io.subregistry.brand.BrandSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static io.subregistry.support.Browser.heading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list in a frame on the company's own site, in Chromium: a page served from another origin
 * (a tiny HTTP server on 127.0.0.1, where the registry is on localhost) frames /embed. From the
 * origin in registry.embed.allowed-origins (the test profile's) the list shows; from any other
 * the browser refuses the frame.
 */
@QuarkusTest
class EmbedJourneyTest extends BrowserJourney {

    /** The port of the test profile's registry.embed.allowed-origins (http://127.0.0.1:23417). */
    private static final int ALLOWED_PORT = 23417;
    private static final String HEADING = "Acme Health — Unterauftragsverarbeiter";

    @Inject
    BrandService brand;

    @Test
    void theListShowsInAFrameOnTheCompanysSiteAndIsRefusedOnAnyOther() throws IOException {
        brand.save(new BrandSettings("Acme Health", "#8a1538", null, null, null, null, null, "en"), "test");
        HttpServer allowed = legalPage(ALLOWED_PORT);
        HttpServer other = legalPage(0);
        try {
            browser.driver().get("http://127.0.0.1:" + ALLOWED_PORT + "/legal");
            browser.waitFor(heading("Legal & Policies"));
            browser.waitFor(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe")));
            browser.waitFor(heading(HEADING));
            assertThat(browser.text("p.updated")).startsWith("Zuletzt aktualisiert: 2. Februar 2026");
            assertThat(browser.text("body")).contains("Product-related sub-processors").contains("Gong.io");
            assertThat(browser.find("a.button").getDomAttribute("target")).isEqualTo("_blank");
            // the brand's accent reached the frame: theme.css loaded after embed.css
            assertThat(browser.find("a.button").getCssValue("background-color")).isEqualTo("rgba(138, 21, 56, 1)");
            browser.driver().switchTo().defaultContent();
            browser.screenshot("embed-allowed-origin");

            browser.driver().get("http://127.0.0.1:" + other.getAddress().getPort() + "/legal");
            browser.waitFor(heading("Legal & Policies"));
            browser.waitFor(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe")));
            // Chromium replaces a refused frame with its own error page
            browser.waitFor(driver -> String.valueOf(browser.script("return document.URL")).startsWith("chrome-error:"));
            assertThat(browser.findAll("h1")).noneMatch(h1 -> h1.getText().contains("Unterauftragsverarbeiter"));
            assertThat(browser.findAll("table")).isEmpty();
            browser.driver().switchTo().defaultContent();
            browser.screenshot("embed-other-origin");
        } finally {
            allowed.stop(0);
            other.stop(0);
        }
    }

    @Test
    void theEmbedHasNoSeriousAccessibilityProblemsWithABrandApplied() {
        brand.save(new BrandSettings("Acme Health", "#8a1538", null, null, null, null, null, "en"), "test");
        brand.uploadLogo(java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), "test");
        browser.go("/embed?lang=fr");
        browser.waitFor(heading("Acme Health — Sous-traitants ultérieurs"));
        assertAccessible("the embedded list");
        browser.go("/embed?section=nope");
        assertAccessible("the embed's unknown section");
    }

    /** A company's legal page on 127.0.0.1 (port 0: any free one) that frames the registry's /embed as the README shows. */
    private HttpServer legalPage(int port) throws IOException {
        String embed = server.toString().replaceFirst("/$", "") + "/embed?lang=de";
        byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Legal</title></head><body>"
                + "<h1>Legal &amp; Policies</h1>"
                + "<iframe src=\"" + embed + "\" title=\"Sub-processors\" style=\"width:100%;height:900px;border:0\""
                + " loading=\"lazy\"></iframe></body></html>").getBytes(StandardCharsets.UTF_8);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/legal", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        http.start();
        return http;
    }
}
