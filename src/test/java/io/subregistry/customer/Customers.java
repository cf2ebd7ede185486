package io.subregistry.customer;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.subregistry.support.Staff.asLegal;

/** Customers for tests, added through the API as legal staff would. */
final class Customers {

    private Customers() {
    }

    static Map<String, Object> customer(String name, int noticeDays, String... contacts) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("noticePeriodDays", noticeDays);
        body.put("contacts", java.util.Arrays.stream(contacts).map(email -> Map.of("email", email)).toList());
        return body;
    }

    static String add(Map<String, Object> body) {
        return asLegal().contentType(ContentType.JSON).body(body).post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    static String add(String name, int noticeDays, String... contacts) {
        return add(customer(name, noticeDays, contacts));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
