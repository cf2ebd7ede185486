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

    public DraftState current() {
        return findById(DraftState.ID);
    }
}
