package io.subregistry.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.platform.database.Sql;
import io.subregistry.platform.error.TooManyRequestsException;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subscription rate limit holds across instances and however many other clients come and go. */
@QuarkusTest
class SubscribeRateLimitTest extends RegistryTest {

    private static final int LIMIT = 10;

    @Inject
    SubscribeRateLimiter limiter;

    @Inject
    Sql sql;

    @Inject
    TokenService tokens;

    @Inject
    NoticeConfig config;

    @Inject
    Clock injectedClock;

    @Test
    void theLimitHoldsAfterMoreThanAHundredThousandOtherClientsWereSeen() {
        for (int i = 0; i < LIMIT; i++) {
            subscribe("someone" + i + "@customer.example").then().statusCode(202);
        }
        subscribe("one-more@customer.example").then().statusCode(429);

        // 100,001 other clients in the current window, as if a caller had rotated its address that often
        database.execute("""
                insert into subscribe_limit (client_key, window_start, requests)
                select md5('rotated client ' || i), '%s', 1 from generate_series(1, 100001) as i""".formatted(clock.instant()));

        Response still = subscribe("after-rotation@customer.example");
        assertThat(still.statusCode()).isEqualTo(429);
        assertThat(still.header("Retry-After")).matches("\\d+");
        assertThat(database.count("select count(*) from subscribe_limit")).isEqualTo(100_002);
    }

    @Test
    void twoInstancesOnOneDatabaseCountTogether() {
        SubscribeRateLimiter otherInstance = new SubscribeRateLimiter(sql, tokens, config, injectedClock);
        for (int i = 0; i < LIMIT / 2; i++) {
            limiter.check("192.0.2.7");
            otherInstance.check("192.0.2.7");
        }

        assertThatThrownBy(() -> otherInstance.check("192.0.2.7")).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> limiter.check("192.0.2.7")).isInstanceOf(TooManyRequestsException.class);
        limiter.check("192.0.2.8");
    }

    @Test
    void aWindowEndsAfterTheConfiguredTimeAndOldWindowsAreForgotten() {
        for (int i = 0; i < LIMIT; i++) {
            limiter.check("198.51.100.1");
        }
        clock.advance(Duration.ofMinutes(4));
        limiter.check("198.51.100.2");
        TooManyRequestsException refused = Assertions.catchThrowableOfType(
                () -> limiter.check("198.51.100.1"), TooManyRequestsException.class);
        assertThat(refused.retryAfterSeconds()).as("the window started 4 of 10 minutes ago").isEqualTo(6 * 60);

        clock.advance(Duration.ofMinutes(6));
        assertThat(limiter.forgetEndedWindows()).as("only the first client's window has ended").isEqualTo(1);
        limiter.check("198.51.100.1");
        assertThat(database.count("select requests from subscribe_limit where window_start = '"
                + clock.instant() + "'")).as("a new window, counting from 1").isEqualTo(1);
    }

    @Test
    void theAddressIsNeverStored() {
        subscribe("private@customer.example").then().statusCode(202);

        assertThat(database.lines("select client_key from subscribe_limit")).singleElement()
                .satisfies(key -> assertThat(key).matches("[0-9a-f]{64}").doesNotContain("127.0.0.1"));
        assertThat(database.count("select count(*) from subscribe_limit where client_key like '%127.0.0.1%'")).isZero();
    }

    private static Response subscribe(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/subscriptions");
    }
}
