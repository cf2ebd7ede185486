package io.subregistry.support;

import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Subscribers for tests: through the real double opt-in, or many at once straight into the database. */
@ApplicationScoped
public class Subscribers {

    public static final String CONFIRM_PREFIX = "http://localhost:8080/subscription/confirm/";
    /** How the objection link in a notice begins; the token follows. */
    public static final String OBJECTION_PREFIX = "http://localhost:8080/objection/";

    private final TestDatabase database;

    public Subscribers(TestDatabase database) {
        this.database = database;
    }

    public static void subscribe(String email, String... sections) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        if (sections.length > 0) {
            body.put("sections", List.of(sections));
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions").then().statusCode(202);
    }

    /** Subscribes, sends the confirmation mail, follows its link: a confirmed subscriber. */
    public void confirmed(String email, String... sections) {
        subscribe(email, sections);
        List<MimeMessage> mails = Mailbox.awaitTo(email, 1);
        String token = Mailbox.link(mails.get(mails.size() - 1), CONFIRM_PREFIX).substring(CONFIRM_PREFIX.length());
        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(200);
    }

    /** {@code count} confirmed subscribers following every section, inserted directly (their links are not usable). */
    public void many(int count, String prefix) {
        database.execute("""
                insert into subscriber (id, email, status, created_at, confirmed_at, manage_nonce, manage_token_hash)
                select gen_random_uuid(), '%s' || i || '@example.com', 'CONFIRMED', now(), now(), gen_random_uuid(),
                       md5('%s' || i || random())
                  from generate_series(1, %d) as i""".formatted(prefix, prefix, count));
    }
}
