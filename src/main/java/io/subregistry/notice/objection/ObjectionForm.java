package io.subregistry.notice.objection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.registry.Subprocessor;

import java.time.Instant;
import java.util.List;

/**
 * What a subscriber sees behind the objection link of a notice: the version, its deadline,
 * the sub-processors it adds (the ones that can be objected to) and any objection already made.
 *
 * @param open          whether an objection can still be recorded now
 * @param closedBecause why not, in English
 * @param closedReason  why not, as a kind (pages word it in the reader's language)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectionForm(int version, String summary, Instant effectiveAt, Instant deadline, boolean open,
                            String closedBecause, ClosedReason closedReason, List<AddedSubprocessor> additions,
                            ObjectionView existing) {

    /** A sub-processor the version adds, with the section it goes in. */
    public record AddedSubprocessor(String section, Subprocessor subprocessor) {
    }
}
