package io.subregistry.notice.objection;

import io.subregistry.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What a subscriber objects to (sub-processors the version adds) and why. */
public record ObjectionRequest(
        @NotEmpty @Size(max = 500) List<@NotNull UUID> subprocessorIds,
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String reason) {
}
