package io.subregistry.registry.version.rest;

import io.subregistry.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/draft/publish}.
 *
 * @param effectiveAt      an ISO date (start of that day in the registry's zone; today = now) or instant
 * @param emergencyReason  allows taking effect sooner than the notice period; shown in the notice
 * @param noticePeriodDays a longer notice than the configured one for this version
 */
public record PublishRequest(
        @NotBlank @Size(max = 40) String effectiveAt,
        @NotBlank @Size(max = 500) @PlainText String summary,
        @Size(max = 2000) @PlainText(multiline = true) String emergencyReason,
        @Min(0) @Max(3650) Integer noticePeriodDays) {
}
