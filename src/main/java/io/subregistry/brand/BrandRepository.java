package io.subregistry.brand;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class BrandRepository implements PanacheRepositoryBase<BrandRow, Integer> {

    public BrandRow saved() {
        return findById(BrandRow.ID);
    }

    /** The row, locked: two admins saving at once are applied one after the other. */
    public BrandRow lockForChange() {
        return findById(BrandRow.ID, LockModeType.PESSIMISTIC_WRITE);
    }
}
