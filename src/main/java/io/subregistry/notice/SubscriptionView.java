package io.subregistry.notice;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as its owner sees it through a link (never any token).
 *
 * @param language the language chosen for the mails ("en", "de", "fr"); absent if none was chosen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String email, String organisation, List<String> sections, Subscriber.Status status,
                               Instant confirmedAt, Instant unsubscribedAt, String language) {

    static SubscriptionView of(Subscriber subscriber) {
        return new SubscriptionView(subscriber.email, subscriber.organisation,
                subscriber.sections == null ? null : List.of(subscriber.sections), subscriber.status,
                subscriber.confirmedAt, subscriber.unsubscribedAt, subscriber.language);
    }
}
