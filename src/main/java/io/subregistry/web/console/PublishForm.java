package io.subregistry.web.console;

import io.subregistry.registry.version.rest.PublishRequest;
import jakarta.validation.constraints.Pattern;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The publish page's form. Its input is the API's {@link PublishRequest}, so both keep the same
 * limits; the form only adds that the notice period is typed as text.
 */
public record PublishForm(@RestForm String revision, @RestForm String effectiveAt, @RestForm String summary,
                          @RestForm String emergencyReason,
                          @RestForm @Pattern(regexp = "\\s*\\d{0,9}\\s*", message = "must be a number of days")
                          String noticePeriodDays) implements ConsoleForm<PublishRequest> {

    @Override
    public PublishRequest toInput() {
        String days = noticePeriodDays == null ? "" : noticePeriodDays.strip();
        return new PublishRequest(effectiveAt, summary, emergencyReason,
                days.matches("\\d{1,9}") ? Integer.valueOf(days) : null);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("effectiveAt", Forms.shown(effectiveAt));
        values.put("summary", Forms.shown(summary));
        values.put("emergencyReason", Forms.shown(emergencyReason));
        values.put("noticePeriodDays", Forms.shown(noticePeriodDays));
        return values;
    }
}
