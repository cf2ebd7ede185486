package io.subregistry.hostile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

/**
 * The inputs a hostile sweep found answered with 500, each now a 4xx with a clear answer:
 * problem+json for the API, an HTML page for the site's pages.
 */
@QuarkusTest
class HostileInputTest extends RegistryTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String HTML = "text/html;charset=UTF-8";

    @Test
    void aNulInABasicUsernameIsAFailedSignInNotADatabaseError() {
        String credentials = Base64.getEncoder().encodeToString("lena\0.legal:whatever".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/api/v1/draft", "/api/v1/admin/users", "/api/v1/audit-log", "/api/v1/versions/verify",
                "/api/v1/me")) {
            given().header("Authorization", "Basic " + credentials).get(path)
                    .then().statusCode(401).contentType(PROBLEM);
        }
        ConsoleClient client = new ConsoleClient();
        client.get("/console/login");
        client.form().formParam("username", "ada\0.admin").formParam("password", "x").post("/console/login")
                .then().statusCode(401);
    }

    @Test
    void aNulInAPathOrQueryValueIsRefusedBeforeAnyQuery() {
        Staff.as(Staff.EVERYONE).urlEncodingEnabled(false).get("/api/v1/admin/users/A%00B").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("NUL"));
        Staff.as(Staff.EVERYONE).urlEncodingEnabled(false).get("/api/v1/draft/sections/A%00B").then().statusCode(400).contentType(PROBLEM);
        Staff.as(Staff.EVERYONE).urlEncodingEnabled(false).get("/api/v1/audit-log?actor=A%00B").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("actor"));
        given().urlEncodingEnabled(false).get("/api/v1/subscriptions/A%00B").then().statusCode(400).contentType(PROBLEM);

        ConsoleClient console = ConsoleClient.signedIn(Staff.EVERYONE);
        console.request().urlEncodingEnabled(false).get("/console/draft/sections/A%00B").then().statusCode(400).contentType(HTML);
        console.request().urlEncodingEnabled(false).get("/console/audit?actor=A%00B").then().statusCode(400).contentType(HTML);
        console.request().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").body("csrf=" + console.csrf)
                .post("/console/accounts/A%00B/disable").then().statusCode(400).contentType(HTML);
    }

    @Test
    void aFormBodyThatCannotBeDecodedIsA400OnEveryFormEndpoint() {
        ConsoleClient console = ConsoleClient.signedIn(Staff.EVERYONE);
        List<String> consoleForms = List.of("/console/login", "/console/logout", "/console/accounts",
                "/console/accounts/nobody/disable", "/console/accounts/nobody/password", "/console/accounts/nobody/roles",
                "/console/draft/entries", "/console/draft/entries/3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "/console/draft/entries/3fa85f64-5717-4562-b3fc-2c963f66afa6/delete", "/console/draft/sections",
                "/console/draft/sections/product", "/console/draft/sections/product/delete", "/console/publish",
                "/console/versions/1/objections/3fa85f64-5717-4562-b3fc-2c963f66afa6");
        List<String> publicForms = List.of("/subscribe", "/subscription/some-token", "/objection/some-token");
        List<byte[]> bodies = List.of(bytes("email=%zz"), bytes("email=%"), bytes("a=%e"),
                new byte[]{'e', '=', (byte) 0xff, (byte) 0xfe, '%', 0, '%'});
        List<String> failures = new ArrayList<>();
        for (byte[] body : bodies) {
            for (String path : consoleForms) {
                expect400(post(path, console.cookieHeader(), body), path, failures);
            }
            for (String path : publicForms) {
                expect400(post(path, null, body), path, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void moreThanAThousandFormFieldsIsAClearRefusal() {
        StringBuilder form = new StringBuilder("email=a%40example.com");
        for (int i = 0; i < 1500; i++) {
            form.append("&f").append(i).append("=1");
        }
        given().contentType("application/x-www-form-urlencoded").body(form.toString()).post("/subscribe")
                .then().statusCode(413).contentType(HTML).body(containsString("more than 1000 fields"));
        ConsoleClient console = ConsoleClient.signedIn(Staff.EVERYONE);
        console.request().contentType("application/x-www-form-urlencoded").body(form.toString()).post("/console/draft/sections")
                .then().statusCode(413);
    }

    /** The list and the page are answered on the event loop: a form sent with a GET is refused before anything decodes it. */
    @Test
    void aFormSentWithAGetIsRefusedBeforeItIsDecoded() {
        StringBuilder many = new StringBuilder("a=1");
        for (int i = 0; i < 1500; i++) {
            many.append("&f").append(i).append("=1");
        }
        for (String path : List.of("/", "/api/v1/subprocessors", "/api/v1/subprocessors?at=2")) {
            given().contentType("application/x-www-form-urlencoded").body("email=%zz").get(path)
                    .then().statusCode(400);
            given().contentType("application/x-www-form-urlencoded").body(many.toString()).get(path)
                    .then().statusCode(400).body(containsString("carries no form"));
            given().contentType("multipart/form-data; boundary=").body("--\r\n".getBytes(StandardCharsets.ISO_8859_1)).get(path)
                    .then().statusCode(400);
        }
        given().get("/api/v1/subprocessors?format=yaml").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("format"));
        given().get("/").then().statusCode(200);
    }

    @Test
    void anEmptyAcceptHeaderMeansAnyType() {
        for (String path : List.of("/api/v1/subprocessors", "/api/v1/diff?from=1&to=2", "/api/v1/versions/1")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept:\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: application/json");
            given().header("Accept", ";;, ,a/b/c;q=x").get(path).then().statusCode(lessThan(500));
        }
    }

    @Test
    void aMultipartBodyWithABrokenBoundaryIsA400() {
        ConsoleClient console = ConsoleClient.signedIn(Staff.EVERYONE);
        String part = "--abc\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + console.csrf + "\r\n";
        Map<String, String> cases = Map.of(
                "multipart/form-data; boundary=", part,
                "multipart/form-data; boundary=\"abc", part + "--abc--\r\n",
                "multipart/form-data; boundary=abc", part);    // no closing boundary
        cases.forEach((type, body) -> console.request().contentType(type).body(body.getBytes(StandardCharsets.ISO_8859_1))
                .post("/console/draft/import").then().statusCode(400).contentType(HTML));
    }

    @Test
    void aRequestWithoutHostIsAQuietProblem() {
        List<LogRecord> errors = new ArrayList<>();
        Handler watcher = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(watcher);
        try {
            String answer = raw("GET /api/v1/subprocessors HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("Host header");
            assertThat(raw("GET / HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200");
        } finally {
            root.removeHandler(watcher);
        }
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void aMalformedParameterIsA400NamingItAndA404StaysForWellFormedMissingThings() {
        given().get("/api/v1/diff?from=x&to=2").then().statusCode(400).contentType(PROBLEM)
                .body("detail", startsWith("from: 'x' is not a whole number")).body("errors[0].field", equalTo("from"));
        given().get("/api/v1/diff?from=1&to=99").then().statusCode(404);
        given().get("/api/v1/versions/99").then().statusCode(404);
        given().get("/api/v1/versions/2147483648").then().statusCode(400).body("errors[0].field", equalTo("number"));
        given().get("/versions/x").then().statusCode(400).contentType(HTML).body(containsString("number"));
        given().get("/diff?from=x&to=2").then().statusCode(400).contentType(HTML);
        Staff.asLegal().get("/api/v1/draft/subprocessors/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        Staff.asLegal().get("/api/v1/draft/subprocessors/3fa85f64-5717-4562-b3fc-2c963f66afa6").then().statusCode(404);
    }

    /** Every typed path or query parameter of every operation in /q/openapi, given a value that is not of its type. */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationOfTheOpenApiDocumentNamesItsMalformedParameter() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi?format=json").jsonPath().getMap("paths");
        ConsoleClient console = ConsoleClient.signedIn(Staff.EVERYONE);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) operation.getValue())
                        .getOrDefault("parameters", List.of());
                for (Map<String, Object> parameter : parameters) {
                    Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                    boolean typed = "integer".equals(schema.get("type")) || (schema.get("type") == null && "path".equals(parameter.get("in")));
                    if (!typed || !List.of("path", "query").contains(parameter.get("in"))) {
                        continue;
                    }
                    String name = (String) parameter.get("name");
                    String target = path.getKey().replace("{" + name + "}", "not-a-" + name).replaceAll("\\{number}", "1")
                            .replaceAll("\\{[^}]+}", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
                    if ("query".equals(parameter.get("in"))) {
                        target = target + "?" + name + "=not-a-number";
                    }
                    boolean get = operation.getKey().equalsIgnoreCase("get");
                    RequestSpecification request = target.startsWith("/console")
                            ? (get ? console.request() : console.form())
                            : (get ? Staff.as(Staff.EVERYONE) : Staff.as(Staff.EVERYONE).contentType(ContentType.JSON).body("{}"));
                    Response answer = request.request(operation.getKey().toUpperCase(), target);
                    checked++;
                    if (answer.statusCode() != 400 || !answer.asString().toLowerCase().contains(name.toLowerCase() + ":")) {
                        failures.add(operation.getKey().toUpperCase() + " " + target + " -> " + answer.statusCode() + " "
                                + answer.asString().substring(0, Math.min(200, answer.asString().length())));
                    }
                }
            }
        }
        assertThat(checked).as("typed parameters checked").isGreaterThan(15);
        assertThat(failures).isEmpty();
    }

    @Test
    void nullsWrongTypesAndDeepNestingInJsonAre400() {
        Staff.asAdmin().contentType(ContentType.JSON).body("{\"username\":\"zed\",\"password\":\"a long enough password\",\"roles\":[null]}")
                .post("/api/v1/admin/users").then().statusCode(400).contentType(PROBLEM).body("detail", containsString("roles[0]"));
        given().contentType(ContentType.JSON).body("{\"email\":\"a@example.com\",\"sections\":[\"product\",null]}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"email\":{\"a\":1}}").post("/api/v1/subscriptions").then().statusCode(400);
        Staff.asLegal().contentType(ContentType.JSON).body("[1,2,3]").post("/api/v1/draft/sections").then().statusCode(400);
        for (String deep : List.of("[".repeat(100_000) + "]".repeat(100_000), "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))) {
            for (String path : List.of("/api/v1/subscriptions", "/api/v1/draft/subprocessors", "/api/v1/draft/import?format=json")) {
                String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Basic "
                        + Base64.getEncoder().encodeToString((Staff.LEGAL + ":" + Staff.PASSWORD).getBytes(StandardCharsets.UTF_8))
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + deep.length() + "\r\n\r\n" + deep);
                assertThat(answer).as(path).matches("(?s)HTTP/1.1 4\\d\\d .*").doesNotContainPattern(HostileSweep.LEAK);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void expect400(String answer, String path, List<String> failures) {
        if (!answer.startsWith("HTTP/1.1 400") || HostileSweep.LEAK.matcher(answer).find()) {
            failures.add(path + " -> " + answer.lines().findFirst().orElse("no answer"));
        }
    }

    /** A form post of exactly these bytes (RestAssured would encode them). */
    private static String post(String path, String cookies, byte[] body) {
        return raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (cookies == null ? "" : "Cookie: " + cookies + "\r\n")
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One request over a socket, as written (RestAssured would fix what these requests get wrong). */
    static String raw(String request) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new AssertionError("raw request failed", e);
        }
    }

    /** A browser-like console client: keeps its cookies, and the CSRF token of the pages it reads. */
    static final class ConsoleClient {
        private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");
        private final CookieFilter cookies = new CookieFilter();
        String csrf;

        static ConsoleClient signedIn(String username) {
            ConsoleClient client = new ConsoleClient();
            client.get("/console/login");
            client.form().formParam("username", username).formParam("password", Staff.PASSWORD).post("/console/login")
                    .then().statusCode(303);
            client.get("/console");
            return client;
        }

        /** The cookies a browser would send: the session and the CSRF cookie. */
        String cookieHeader() {
            return "registry-session=" + cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("registry-session")).findFirst().orElseThrow().getValue()
                    + "; csrf=" + csrf;
        }

        Response get(String path) {
            Response response = request().get(path);
            Matcher matcher = CSRF.matcher(response.asString());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return response;
        }

        RequestSpecification form() {
            return request().contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
        }

        RequestSpecification request() {
            return RestAssured.given().filter(cookies).redirects().follow(false);
        }
    }
}
