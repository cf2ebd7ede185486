package io.subregistry.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Parallel subscriptions of one address: the same answer for all, and one confirmation mail. */
@QuarkusTest
class ConcurrentSubscribeTest extends RegistryTest {

    private static final int PARALLEL = 8;
    private static final int ROUNDS = 5;

    @Inject
    SubscribeRateLimiter limiter;

    @Test
    void everyParallelRequestForANewAddressGetsTheSame202AndOneConfirmationGoesOut() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String email = "parallel-" + round + "@customer.example";
            subscribeInParallel(email, round);
            assertThat(Mailbox.awaitTo(email, 1)).as("round %d: confirmation mails", round).hasSize(1);
            assertThat(confirmationsQueuedFor(email)).as("round %d: confirmations queued", round).isEqualTo(1);
            assertThat(database.count("select count(*) from subscriber where lower(email) = '" + email + "'")).isEqualTo(1);
        }
    }

    @Test
    void parallelRequestsForAPendingAddressAfterTheCooldownSendOneNewConfirmation() throws Exception {
        String email = "pending-parallel@customer.example";
        subscribeInParallel(email, 1);
        assertThat(Mailbox.awaitTo(email, 1)).hasSize(1);
        clock.advance(Duration.ofMinutes(11));

        subscribeInParallel(email, 2);

        assertThat(Mailbox.awaitTo(email, 2)).as("one new confirmation, not one per request").hasSize(2);
        assertThat(confirmationsQueuedFor(email)).isEqualTo(2);
    }

    /** {@value #PARALLEL} requests for one address at once; every one must get the same 202. */
    private void subscribeInParallel(String email, int round) throws Exception {
        limiter.reset();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/subscriptions");
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (Future<Response> answer : answers) {
                statuses.add(Integer.toString(answer.get().statusCode()));
                bodies.add(answer.get().asString());
            }
            assertThat(statuses).as("round %d", round).containsOnly("202");
            assertThat(bodies).as("round %d", round).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    private long confirmationsQueuedFor(String email) {
        return database.count("select count(*) from notice where kind = 'CONFIRMATION' and lower(recipient) = '" + email + "'");
    }
}
