package io.subregistry.support;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the @QuarkusTest behaviour tests: before each test the database holds the sample list
 * (versions 1 and 2), the clock stands at {@link MutableClock#START} and the test accounts exist.
 */
public abstract class RegistryTest {

    @Inject
    protected TestDatabase database;

    @Inject
    protected MutableClock clock;

    @Inject
    Staff staff;

    @BeforeEach
    void resetRegistry() {
        staff.ensureAccounts();
        database.sample();
    }
}
