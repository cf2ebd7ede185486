package io.subregistry.customer;

import io.subregistry.platform.csv.CsvWriter;

/** The evidence files: a customer's evidence and a version's obligations as CSV (the API and the console serve the same). */
public final class EvidenceCsv {

    private EvidenceCsv() {
    }

    public static String of(CustomerEvidence evidence) {
        CsvWriter csv = new CsvWriter().row("customer", "reference", "version", "summary", "publishedAt", "effectiveAt",
                "changes", "noticePeriodDays", "givenDays", "dueBy", "status", "notifiedAt", "acknowledgedAt",
                "acknowledgedBy", "record", "contact", "kind", "deliveryStatus", "sentAt", "messageId",
                "objectedTo", "reason", "outcome", "resolutionNote", "resolvedBy", "resolvedAt");
        CustomerView customer = evidence.customer();
        for (CustomerEvidence.Entry entry : evidence.versions()) {
            Object[] head = {customer.name(), customer.reference(), entry.version(), entry.summary(), entry.publishedAt(),
                    entry.effectiveAt(), String.join("; ", entry.changes()), entry.noticePeriodDays(), entry.givenDays(),
                    entry.dueBy(), entry.status(), entry.notifiedAt(), entry.acknowledgedAt(), entry.acknowledgedBy()};
            for (ObligationReport.ContactNotice notice : entry.notices()) {
                csv.row(concat(head, "notice", notice.email(), notice.kind(), notice.noticeStatus(), notice.sentAt(),
                        notice.messageId(), null, null, null, null, null, null));
            }
            for (CustomerEvidence.WebhookNotice webhook : entry.webhooks()) {
                csv.row(concat(head, "webhook", webhook.url(), "version.published", webhook.deliveryStatus(),
                        webhook.deliveredAt(), webhook.webhookId(), null, null, null, null, null, null));
            }
            for (CustomerEvidence.Objection objection : entry.objections()) {
                csv.row(concat(head, "objection", objection.email(), null, null, objection.receivedAt(), null,
                        String.join("; ", objection.subprocessors()), objection.reason(), objection.outcome(),
                        objection.resolutionNote(), objection.resolvedBy(), objection.resolvedAt()));
            }
            if (entry.notices().isEmpty() && entry.webhooks().isEmpty() && entry.objections().isEmpty()) {
                csv.row(concat(head, "obligation", null, null, null, null, null, null, null, null, null, null, null));
            }
        }
        return csv.toString();
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] row = new Object[head.length + tail.length];
        System.arraycopy(head, 0, row, 0, head.length);
        System.arraycopy(tail, 0, row, head.length, tail.length);
        return row;
    }


    public static String of(ObligationReport report) {
        CsvWriter csv = new CsvWriter().row("version", "customerId", "customer", "reference", "noticePeriodDays", "dueBy",
                "givenDays", "status", "notifiedAt", "acknowledgedAt", "acknowledgedBy", "contact", "contactStatus",
                "sentAt", "messageId");
        for (ObligationReport.Obligation obligation : report.obligations()) {
            Object[] head = {report.version(), obligation.customerId(), obligation.name(), obligation.reference(),
                    obligation.noticePeriodDays(), obligation.dueBy(), obligation.givenDays(), obligation.status(),
                    obligation.notifiedAt(), obligation.acknowledgedAt(), obligation.acknowledgedBy()};
            if (obligation.contacts().isEmpty()) {
                csv.row(concat(head, null, null, null, null));
            }
            for (ObligationReport.ContactNotice contact : obligation.contacts()) {
                csv.row(concat(head, contact.email(), contact.status(), contact.sentAt(), contact.messageId()));
            }
        }
        return csv.toString();
    }
}
