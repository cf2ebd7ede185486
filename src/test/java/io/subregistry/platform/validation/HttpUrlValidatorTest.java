package io.subregistry.platform.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpUrlValidatorTest {

    private final HttpUrlValidator validator = new HttpUrlValidator();

    @Test
    void anAbsentValueIsValid() {
        assertThat(validator.isValid(null, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://example.com", "https://aws.amazon.com/compliance/gdpr-center/",
            "https://example.com/dpa.pdf?version=2#section-3", "HTTPS://EXAMPLE.COM", "https://sub.example.co.uk:8443/x",
            "https://127.0.0.1/dpa", "https://user@example.com/"})
    void absoluteHttpAndHttpsUrlsAreValid(String url) {
        assertThat(validator.isValid(url, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "javascript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "ftp://example.com/dpa",
            "mailto:dpo@example.com"})
    void otherSchemesAreRefused(String url) {
        assertThat(validator.isValid(url, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dpa.pdf", "dpa.pdf", "../dpa", "//example.com/dpa", "example.com", "www.example.com/dpa", "?x=1",
            "#top", ""})
    void relativeUrlsAreRefused(String url) {
        assertThat(validator.isValid(url, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https:///path", "http:example.com", "https://exa mple.com", "https://example.com\n",
            " https://example.com", "https://example.com/<script>", "https://bad_host_name.com/"})
    void urlsWithoutAUsableHostOrWithIllegalCharactersAreRefused(String url) {
        assertThat(validator.isValid(url, null)).isFalse();
    }
}
