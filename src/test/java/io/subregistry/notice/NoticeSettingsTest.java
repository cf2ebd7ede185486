package io.subregistry.notice;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeSettingsTest {

    @Test
    void theDefaultsAreConsistent() {
        assertThat(NoticeSettings.problems(config(Map.of()))).isEmpty();
    }

    @Test
    void aSendTimeoutAsLongAsTheLeaseIsRefused() {
        assertThat(NoticeSettings.problems(config(Map.of("lease", Duration.ofSeconds(20), "recordRetry", Duration.ofSeconds(10)))))
                .singleElement().asString()
                .contains("registry.notices.send-timeout (PT30S) must be shorter than registry.notices.lease (PT20S)");
    }

    @Test
    void recordingOutcomesBeyondTheLeaseIsRefused() {
        assertThat(NoticeSettings.problems(config(Map.of("recordRetry", Duration.ofMinutes(5)))))
                .singleElement().asString().contains("registry.notices.record-retry");
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThat(NoticeSettings.problems(config(Map.of("batchSize", 0)))).hasSize(1);
    }

    /** The settings' defaults (as in NoticeConfig), with some replaced. */
    private static NoticeConfig config(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "sendTimeout", Duration.ofSeconds(30), "lease", Duration.ofMinutes(2), "recordRetry", Duration.ofSeconds(90),
                "batchSize", 500, "sendConcurrency", 10));
        values.putAll(overrides);
        return (NoticeConfig) Proxy.newProxyInstance(NoticeConfig.class.getClassLoader(), new Class<?>[] {NoticeConfig.class},
                (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
    }
}
