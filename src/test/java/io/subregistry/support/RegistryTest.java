package io.subregistry.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.subregistry.notice.SubscribeRateLimiter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the @QuarkusTest behaviour tests: before each test the database holds the sample list
 * (versions 1 and 2) and no subscribers, the clock stands at {@link MutableClock#START}, the test
 * accounts exist and the SMTP server (GreenMail) is up with an empty mailbox.
 */
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
public abstract class RegistryTest {

    @Inject
    protected TestDatabase database;

    @Inject
    protected MutableClock clock;

    @Inject
    Staff staff;

    @Inject
    SubscribeRateLimiter rateLimiter;

    @BeforeEach
    void resetRegistry() {
        staff.ensureAccounts();
        database.sample();
        rateLimiter.reset();
        Mailbox.clear();
    }
}
