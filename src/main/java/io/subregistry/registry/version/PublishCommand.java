package io.subregistry.registry.version;

/** A request to publish the draft, in the domain's terms. */
public record PublishCommand(EffectiveAt effectiveAt, String summary, String emergencyReason, Integer noticePeriodDays,
                             Long expectedDraftRevision) {
}
