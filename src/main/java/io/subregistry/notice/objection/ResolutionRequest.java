package io.subregistry.notice.objection;

import io.subregistry.platform.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Legal's resolution of an objection. */
public record ResolutionRequest(@NotNull Objection.Outcome outcome,
                                @Size(max = 5000) @PlainText(multiline = true) String note) {
}
