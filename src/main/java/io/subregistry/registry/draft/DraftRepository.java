package io.subregistry.registry.draft;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** The draft header row. */
@ApplicationScoped
public class DraftRepository implements PanacheRepositoryBase<DraftState, Short> {

    /** Takes the draft's lock for the rest of the transaction: edits and publishes go one at a time. */
    public DraftState lockForChange() {
        return findById(DraftState.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Reads the draft header under a shared lock for the rest of the transaction: every edit
     * takes {@link #lockForChange()} first, so none can commit while the caller reads the
     * draft's parts, and what it reads belongs to exactly the revision returned.
     */
    public DraftState lockForReading() {
        return findById(DraftState.ID, LockModeType.PESSIMISTIC_READ);
    }
}
