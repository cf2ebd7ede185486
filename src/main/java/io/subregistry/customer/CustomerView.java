package io.subregistry.customer;

import java.util.List;
import java.util.UUID;

/** A customer as the API and the console show it. */
public record CustomerView(UUID id, String name, String reference, int noticePeriodDays, Integer objectionWindowDays,
                           List<String> sections, List<Contact> contacts, int liveContacts, boolean atRisk,
                           boolean archived, long revision) {

    /** LIVE: receives notices; UNSUBSCRIBED: left through a mail's link; FAILED: a mail to it failed for good. */
    public enum ContactStatus { LIVE, UNSUBSCRIBED, FAILED }

    public record Contact(UUID id, String email, String name, String language, ContactStatus status) {
    }

    /** The ETag of this state of the customer. */
    public String etag() {
        return etagOf(revision);
    }

    public static String etagOf(long revision) {
        return "\"customer-" + revision + "\"";
    }

    /** One page of customers. */
    public record Page(long total, int page, int size, List<CustomerView> customers) {
    }
}
