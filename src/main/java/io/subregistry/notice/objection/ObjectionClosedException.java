package io.subregistry.notice.objection;

import io.subregistry.platform.error.RuleViolationException;

/** An objection sent behind a link that no longer takes one; the API answers 422, a page can say why in its reader's words. */
public class ObjectionClosedException extends RuleViolationException {

    private final ClosedReason reason;

    ObjectionClosedException(ClosedReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public ClosedReason reason() {
        return reason;
    }
}
