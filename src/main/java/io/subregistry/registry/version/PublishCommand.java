package io.subregistry.registry.version;

import io.subregistry.platform.Precondition;

/**
 * A request to publish the draft, in the domain's terms. {@code reviewed} names the draft
 * revision whose diff the publisher saw: a publish is bound to it, and refused without it.
 */
public record PublishCommand(EffectiveAt effectiveAt, String summary, String emergencyReason, Integer noticePeriodDays,
                             Precondition reviewed) {
}
