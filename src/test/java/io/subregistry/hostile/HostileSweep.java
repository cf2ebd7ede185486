package io.subregistry.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded generator of hostile HTTP requests against a running registry, over raw sockets so that
 * nothing is cleaned up on the way: every operation of {@code /q/openapi} (the API) and every page
 * and console form ({@link #PAGES_AND_FORMS}: the API document leaves them out) with no, wrong and
 * each role's credentials, and bodies, parameters and headers a
 * careful client never sends. It records every status and every answer that is ≥ 500 or carries
 * a stack trace, an exception or a Java class name.
 *
 * <p>JDK only, so that {@code bench/hostile.sh} runs it with plain {@code java} as well as the
 * test suite: {@code java HostileSweep.java HOST PORT COUNT SEED USER:PASSWORD...} (the users are
 * legal, auditor and admin accounts, in that order).
 */
public final class HostileSweep {

    /** What a body must never show: a stack frame, an exception, a class of ours or of a library. */
    public static final Pattern LEAK = Pattern.compile("Exception\\b|\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\("
            + "|io\\.subregistry|\\bjava\\.(lang|util|io|sql|net)\\.|\\borg\\.(jboss|hibernate|postgresql|eclipse|apache)\\."
            + "|io\\.(quarkus|vertx|netty|smallrye)\\.|\\b[A-Z][A-Za-z]+\\.[a-z][A-Za-z]*\\(\\)");

    /** A staff account the sweep signs in with (HTTP Basic and a console session). */
    public record Account(String role, String username, String password) {
    }

    /** One request the sweep sent, as a line for a report. */
    public record Sent(String kind, String method, String target, String identity) {
        @Override
        public String toString() {
            return kind + " " + method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target)
                    + " as " + identity;
        }
    }

    /** What came back. */
    public record Result(int requests, Map<String, Integer> statuses, List<String> serverErrors, List<String> leaks,
                         int noAnswer, List<String> unanswered, Map<String, Long> millisPerKind, long millis) {
        public int serverErrorCount() {
            return statuses.entrySet().stream().filter(entry -> entry.getKey().matches("5\\d\\d"))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private record Operation(String method, String path, List<String[]> parameters, String bodyType,
                             Map<String, String> fields) {
    }

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final String[] ENTRY = {"section", "name", "legalAddress", "location", "processingActivity", "website",
        "dataCategories", "transferMechanism", "dpaUrl", "position", "revision"};

    /** The site's pages and the console's forms, which /q/openapi (for API users) does not describe. */
    private static final List<Operation> PAGES_AND_FORMS = List.of(
            page("GET", "/"), page("GET", "/history"), page("GET", "/versions/{number}", "number:integer"),
            page("GET", "/diff", "from:integer:query", "to:integer:query"), page("GET", "/feed.atom"),
            page("GET", "/embed", "section:string:query", "lang:string:query"),
            page("GET", "/subscription/confirm/{token}", "token"), page("GET", "/subscription/{token}", "token"),
            page("GET", "/unsubscribe/{token}", "token"), page("GET", "/objection/{token}", "token"),
            page("GET", "/console"), page("GET", "/console/login"), page("GET", "/console/draft"),
            page("GET", "/console/draft/entries/{id}", "id"), page("GET", "/console/draft/sections/{key}", "key"),
            page("GET", "/console/draft/export.csv"), page("GET", "/console/draft/export.json"),
            page("GET", "/console/publish"), page("GET", "/console/versions"),
            page("GET", "/console/versions/{number}", "number:integer"),
            page("GET", "/console/versions/{number}/notices.csv", "number:integer"), page("GET", "/console/verify"),
            page("GET", "/console/audit", "from:string:query", "to:string:query", "action:string:query", "before:integer:query"),
            page("GET", "/console/audit/export.csv", "from:string:query", "to:string:query"),
            page("GET", "/console/accounts"),
            form("POST", "/subscribe", FORM, "csrf", "email", "organisation", "sections", "consent"),
            form("POST", "/subscription/confirm/{token}", FORM), form("POST", "/subscription/{token}", FORM, "sections", "organisation"),
            form("POST", "/unsubscribe/{token}", FORM, "List-Unsubscribe"),
            form("POST", "/objection/{token}", FORM, "subprocessorIds", "reason"),
            form("POST", "/console/login", FORM, "csrf", "username", "password"), form("POST", "/console/logout", FORM, "csrf"),
            form("POST", "/console/draft/entries", FORM, ENTRY), form("POST", "/console/draft/entries/{id}", FORM, ENTRY),
            form("POST", "/console/draft/entries/{id}/delete", FORM, "csrf", "revision"),
            form("POST", "/console/draft/sections", FORM, "csrf", "key", "title", "description", "note", "position"),
            form("POST", "/console/draft/sections/{key}", FORM, "csrf", "revision", "title", "description", "note", "position"),
            form("POST", "/console/draft/sections/{key}/delete", FORM, "csrf", "revision"),
            form("POST", "/console/draft/import", MULTIPART, "csrf", "format", "mode", "text"),
            form("POST", "/console/draft/import/apply", MULTIPART, "csrf", "format", "mode", "text", "revision"),
            form("POST", "/console/publish", FORM, "csrf", "revision", "effectiveAt", "summary", "emergencyReason",
                    "noticePeriodDays"),
            form("POST", "/console/versions/{number}/objections/{id}", FORM, "csrf", "outcome", "note"),
            form("POST", "/console/versions/{number}/withdrawal", FORM, "csrf", "reason"),
            form("POST", "/console/accounts", FORM, "csrf", "username", "password", "roles"),
            form("POST", "/console/accounts/{username}/password", FORM, "csrf", "password"),
            form("POST", "/console/accounts/{username}/roles", FORM, "csrf", "roles"),
            form("POST", "/console/accounts/{username}/disable", FORM, "csrf"));

    /** A page; parameters as {@code name[:type[:in]]}, path parameters by default. */
    private static Operation page(String method, String path, String... parameters) {
        List<String[]> described = new ArrayList<>();
        for (String parameter : parameters) {
            String[] parts = parameter.split(":");
            described.add(new String[]{parts[0], parts.length > 2 ? parts[2] : "path", parts.length > 1 ? parts[1] : "string"});
        }
        return new Operation(method, path, described, null, Map.of());
    }

    /** A form with its fields (all text); path parameters are read from the path. */
    private static Operation form(String method, String path, String type, String... fields) {
        List<String[]> described = new ArrayList<>();
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (names.find()) {
            described.add(new String[]{names.group(1), "path", names.group(1).equals("number") ? "integer" : "string"});
        }
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : fields) {
            typed.put(field, "string");
        }
        return new Operation(method, path, described, type, typed);
    }

    private record Identity(String name, List<String> headers, String csrf) {
    }

    private record Answer(int status, String head, byte[] body) {
    }

    private static final String[] FORM_FIELDS = {"email", "organisation", "sections", "csrf", "username", "password",
            "roles", "name", "legalAddress", "location", "processingActivity", "website", "dataCategories",
            "transferMechanism", "dpaUrl", "revision", "section", "key", "title", "description", "note", "position",
            "effectiveAt", "summary", "emergencyReason", "noticePeriodDays", "outcome", "subprocessorIds", "reason",
            "format", "mode", "text"};

    /** Values that reach a mail header if accepted (addresses, names, titles, summaries). */
    private static final String[] HEADER_INJECTIONS = {"a@example.com\r\nBcc: victim@example.net",
            "Name\r\nX-Injected: yes", "Title\nSubject: forged", "Summary\r\n\r\n<body>", "x\rContent-Type: text/evil",
            "e%0d%0aBcc:%20v@example.net", "line\u2028Bcc: u2028@example.net", "a@b.c\u0085Bcc: nel@example.net"};

    private final String host;
    private final int port;
    private final Random random;
    private final List<Account> accounts;
    private final List<Operation> operations = new ArrayList<>();
    private final List<Identity> identities = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private final AtomicInteger noAnswer = new AtomicInteger();
    private static final int THREADS = Integer.getInteger("hostile.threads", 4);
    private final List<String> unanswered = new ArrayList<>();
    private final Map<String, Long> timePerKind = new TreeMap<>();

    public HostileSweep(String host, int port, long seed, List<Account> accounts) {
        this.host = host;
        this.port = port;
        this.random = new Random(seed);
        this.accounts = accounts;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: HostileSweep HOST PORT COUNT SEED [ROLE:USER:PASSWORD...]");
            System.exit(2);
        }
        List<Account> accounts = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            String[] parts = args[i].split(":", 3);
            accounts.add(new Account(parts[0], parts[1], parts[2]));
        }
        Result result = new HostileSweep(args[0], Integer.parseInt(args[1]), Long.parseLong(args[3]), accounts)
                .run(Integer.parseInt(args[2]));
        System.out.println("requests: " + result.requests());
        System.out.println("duration_ms: " + result.millis());
        System.out.println("statuses: " + result.statuses());
        System.out.println("status_5xx: " + result.serverErrorCount());
        System.out.println("no_answer: " + result.noAnswer());
        System.out.println("leaks: " + result.leaks().size());
        result.serverErrors().stream().limit(30).forEach(line -> System.out.println("5xx: " + line));
        result.leaks().stream().limit(30).forEach(line -> System.out.println("leak: " + line));
        result.unanswered().stream().limit(30).forEach(line -> System.out.println("unanswered: " + line));
        System.out.println("ms_per_kind: " + result.millisPerKind());
    }

    /** Sends {@code count} requests (after reading the OpenAPI document and signing in). */
    public Result run(int count) throws IOException {
        long start = System.nanoTime();
        loadOperations();
        signIn();
        List<Prepared> prepared = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            prepared.add(prepare(i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
        try {
            for (java.util.concurrent.Future<?> sent : pool.invokeAll(prepared.stream()
                    .map(request -> (java.util.concurrent.Callable<Object>) () -> {
                        record(request.sent(), request.bytes());
                        return null;
                    }).toList())) {
                sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(count, new TreeMap<>(statuses), List.copyOf(serverErrors), List.copyOf(leaks), noAnswer.get(),
                List.copyOf(unanswered), new TreeMap<>(timePerKind), (System.nanoTime() - start) / 1_000_000);
    }

    // ------------------------------------------------------------------ setup

    @SuppressWarnings("unchecked")
    private void loadOperations() throws IOException {
        Answer answer = exchange(("GET /q/openapi?format=json HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> document = (Map<String, Object>) new Json(new String(answer.body(), StandardCharsets.UTF_8)).value();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("components", Map.of()))
                .getOrDefault("schemas", Map.of());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, body) -> {
            if (!(body instanceof Map<?, ?>) || method.equals("parameters")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) body;
            List<String[]> parameters = new ArrayList<>();
            for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                parameters.add(new String[]{(String) parameter.get("name"), (String) parameter.get("in"),
                        String.valueOf(schema.getOrDefault("type", "string"))});
            }
            String bodyType = null;
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
            if (requestBody != null) {
                Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
                bodyType = content.keySet().stream().findFirst().orElse(null);
                Object schema = bodyType == null ? null : ((Map<String, Object>) content.get(bodyType)).get("schema");
                if (schema instanceof Map<?, ?> shape && shape.get("$ref") instanceof String ref) {
                    Map<String, Object> target = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                    Map<String, Object> properties = target == null ? Map.of()
                            : (Map<String, Object>) target.getOrDefault("properties", Map.of());
                    properties.forEach((name, property) -> fields.put(name,
                            String.valueOf(((Map<String, Object>) property).getOrDefault("type", "string"))));
                }
            }
            operations.add(new Operation(method.toUpperCase(), path, parameters, bodyType, fields));
        }));
        if (operations.isEmpty()) {
            throw new IOException("no operations in /q/openapi");
        }
        operations.addAll(PAGES_AND_FORMS);
    }

    /** Identities: nobody, wrong and malformed credentials, each account by Basic and by console session. */
    private void signIn() throws IOException {
        identities.add(new Identity("anonymous", List.of(), null));
        identities.add(new Identity("wrong-password", List.of(basic("nobody-" + random.nextInt(1000), "wrong")), null));
        identities.add(new Identity("nul-username", List.of(basic("ad\0min", "x")), null));
        identities.add(new Identity("bad-basic", List.of("Authorization: Basic %%%not-base64"), null));
        identities.add(new Identity("bad-session", List.of("Cookie: registry-session=forged; csrf=" + "A".repeat(43)),
                "A".repeat(43)));
        for (Account account : accounts) {
            identities.add(new Identity(account.role() + "-basic", List.of(basic(account.username(), account.password())), null));
            Answer page = exchange(("GET /console/login HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            Matcher cookie = Pattern.compile("(?i)set-cookie: csrf=([A-Za-z0-9_-]{43})").matcher(page.head());
            if (!cookie.find()) {
                continue;
            }
            String csrf = cookie.group(1);
            String form = "username=" + url(account.username()) + "&password=" + url(account.password()) + "&csrf=" + csrf;
            Answer login = exchange(("POST /console/login HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + "Cookie: csrf=" + csrf + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.UTF_8));
            Matcher session = Pattern.compile("(?i)set-cookie: registry-session=([^;\\r\\n]+)").matcher(login.head());
            if (session.find()) {
                identities.add(new Identity(account.role() + "-session",
                        List.of("Cookie: registry-session=" + session.group(1) + "; csrf=" + csrf), csrf));
            }
        }
    }

    // ------------------------------------------------------------------ one request

    /** A request ready to send: generated up front from the seed, so a run is the same whatever the thread timing. */
    private record Prepared(Sent sent, byte[] bytes) {
    }

    private Prepared prepare(int index) {
        Operation operation = operations.get(random.nextInt(operations.size()));
        Identity identity = identities.get(random.nextInt(identities.size()));
        if (operation.path().equals("/console/logout") && identity.name().endsWith("-session")) {
            identity = identities.get(0);   // a sweep that signs itself out tests less
        }
        String kind = pick("params", "params", "json-shaped", "json-shaped", "json-random", "json-deep", "content-type",
                "utf8", "nul", "form", "form", "multipart", "headers", "headers", "long", "traversal", "raw");
        if (index % 2500 == 7) {
            kind = "oversize";
        }
        Request request = new Request(operation, identity);
        switch (kind) {
            case "params" -> request.target = target(operation, this::hostileValue);
            case "json-shaped" -> request.json(shapedJson(operation));
            case "json-random" -> request.json(randomJson(0));
            case "json-deep" -> request.json(deepJson(pick("1001", "5000", "100000")));
            case "content-type" -> {
                request.body = (random.nextBoolean() ? "{\"email\":\"a@example.com\"}" : "email=a%40example.com")
                        .getBytes(StandardCharsets.UTF_8);
                request.contentType = pick(null, "", "text/plain", "application/xml", "application/json; charset=ebcdic",
                        "multipart/form-data", "application/x-www-form-urlencoded; charset=utf-16", "*/*", ";;;", "a/b/c");
            }
            case "utf8" -> {
                request.target = target(operation, () -> pick("%C0%AF", "%ED%A0%80", "%FF%FE", "%E2%82", "caf%E9"));
                request.body = concat("{\"name\":\"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC0, (byte) 0xFF,
                        (byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}".getBytes(StandardCharsets.UTF_8));
                request.contentType = pick("application/json", "application/x-www-form-urlencoded", "text/csv");
            }
            case "nul" -> {
                request.target = target(operation, () -> pick("A%00B", "%00", "x%00.json", "1%00"));
                request.json("{\"email\":\"a\\u0000b@example.com\",\"name\":\"N\\u0000\",\"title\":\"\\u0000\","
                        + "\"summary\":\"\\ud800\",\"username\":\"u\\u0000\",\"password\":\"p\\u0000assword-long-enough\"}");
            }
            case "form" -> request.form(formBody(identity));
            case "multipart" -> multipart(request, identity);
            case "headers" -> request.headers.addAll(junkHeaders());
            case "long" -> {
                if (random.nextBoolean()) {
                    request.target = "/" + "a".repeat(16 * 1024);
                } else {
                    request.headers.add(pick("X-Filler: ", "Accept-Language: ", "If-Match: ", "Cookie: x=") + "a".repeat(16 * 1024));
                }
            }
            case "traversal" -> request.target = pick("/../../etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd",
                    "/api/v1/versions/..%2f..%2fq%2fhealth", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%2e%2e/application.properties",
                    "/console/../api/v1/admin/users", "/api/v1/draft/sections/..%252f..", "//etc/passwd",
                    "/q/../../etc/passwd", "/assets/site.css%00.html");
            case "raw" -> {
                request.raw = pick("GET / HTTP/1.0\r\n\r\n", "GET /api/v1/subprocessors HTTP/1.1\r\nConnection: close\r\n\r\n",
                        "GET /history HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n",
                        "POST /subscribe HTTP/1.1\r\nConnection: close\r\nContent-Length: 3\r\n\r\na=b",
                        "GET /api/v1/versions/1 HTTP/1.1\r\nHost: x\r\nAccept:\r\nConnection: close\r\n\r\n",
                        "GET /api/v1/diff?from=1&to=2 HTTP/1.1\r\nHost: x\r\nAccept: \r\nConnection: close\r\n\r\n",
                        "GET /api/v1/subprocessors HTTP/1.1\r\nHost: x\r\nAccept:\r\nConnection: close\r\n\r\n",
                        "BREW /coffee HTCPCP/1.0\r\n\r\n", "GET /\0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Nul: a\0b\r\nConnection: close\r\n\r\n");
            }
            case "oversize" -> {
                request.body = new byte[17 * 1024 * 1024];
                java.util.Arrays.fill(request.body, (byte) 'a');
                request.contentType = operation.bodyType() == null ? "application/json" : operation.bodyType();
            }
            default -> throw new IllegalStateException(kind);
        }
        return new Prepared(new Sent(kind, request.method, request.raw != null ? request.raw.split("\r\n")[0] : request.target,
                identity.name()), request.bytes(host));
    }

    private void record(Sent sent, byte[] bytes) {
        Answer answer;
        long began = System.nanoTime();
        try {
            answer = exchange(bytes);
        } catch (IOException e) {
            answer = new Answer(-1, "", new byte[0]);
        }
        tally(sent, answer, (System.nanoTime() - began) / 1_000_000);
    }

    private synchronized void tally(Sent sent, Answer answer, long millis) {
        timePerKind.merge(sent.kind(), millis, Long::sum);
        String status = answer.status() < 0 ? "none" : Integer.toString(answer.status());
        statuses.merge(status, 1, Integer::sum);
        if (answer.status() < 0) {
            noAnswer.incrementAndGet();
            unanswered.add(sent.toString());
        }
        if (answer.status() >= 500) {
            serverErrors.add(answer.status() + " " + sent);
        }
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        Matcher leak = LEAK.matcher(body);
        if (leak.find()) {
            leaks.add(answer.status() + " '" + leak.group() + "' " + sent);
        }
    }

    /** A request under construction. */
    private final class Request {
        final String method;
        final List<String> headers = new ArrayList<>();
        String target;
        byte[] body;
        String contentType;
        String raw;

        Request(Operation operation, Identity identity) {
            this.method = operation.method();
            this.target = target(operation, HostileSweep.this::plausibleValue);
            headers.addAll(identity.headers());
        }

        void json(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
        }

        void form(String text) {
            body = text.getBytes(StandardCharsets.ISO_8859_1);
            contentType = "application/x-www-form-urlencoded";
        }

        byte[] bytes(String host) {
            if (raw != null) {
                return raw.getBytes(StandardCharsets.ISO_8859_1);
            }
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\nConnection: close\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
            return body == null ? start : concat(start, body);
        }
    }

    // ------------------------------------------------------------------ values

    private String target(Operation operation, java.util.function.Supplier<String> values) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (String[] parameter : operation.parameters()) {
            String value = parameter[2].equals("integer") && random.nextInt(3) == 0 ? wrongNumber() : values.get();
            if (parameter[1].equals("path")) {
                path = path.replace("{" + parameter[0] + "}", value.isEmpty() ? "x" : value);
            } else if (parameter[1].equals("query") && random.nextInt(3) > 0) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter[0]).append('=').append(value);
            }
        }
        return path + query;
    }

    /** A value that would be accepted or nearly so (so that the body, not the address, is what is tested). */
    private String plausibleValue() {
        return pick("1", "2", "product", "not-there", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "token-" + random.nextInt(1000));
    }

    /** Already percent-encoded where it must be, raw where the point is to be raw. */
    private String hostileValue() {
        return pick("x", "-1", "0", "2147483648", "99999999999999999999", "1e9", "1.5", "0x10", "NaN", "true", "%00", "A%00B",
                "%zz", "%", "%25", "%0d%0aBcc:%20x@example.net", "..%2f..%2fetc%2fpasswd", "%C0%AF", "%ED%A0%80",
                "2026-13-45", "9999-12-31", "-999999999-01-01", "2026-02-02T25:00:00Z", "%3Cscript%3E", "%22%27%3B--",
                "a".repeat(2000), "", "json", "csv", "patch", "xml", "+", "%2B", "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "3fa85f64-5717-4562-b3fc", "null", "[]", "%7B%7D");
    }

    private String wrongNumber() {
        return pick("x", "1.0", "2147483648", "-2147483649", "9223372036854775808", "1e3", " 1", "0x1", "%00", "");
    }

    private String hostileString() {
        int choice = random.nextInt(12);
        return switch (choice) {
            case 0 -> pick(HEADER_INJECTIONS);
            case 1 -> "\u0000" + "x";
            case 2 -> "\ud800 lone";
            case 3 -> "x".repeat(random.nextInt(20_000));
            case 4 -> "<script>alert(1)</script>";
            case 5 -> "'; drop table version; --";
            case 6 -> "\u202e\u200b\ufeff";
            case 7 -> "a@example.com";
            case 8 -> "";
            case 9 -> "   ";
            case 10 -> "https://example.com/" + "a".repeat(3000);
            default -> "N" + random.nextInt(1_000_000);
        };
    }

    private String shapedJson(Operation operation) {
        Map<String, String> fields = operation.fields().isEmpty()
                ? Map.of("email", "string", "name", "string", "sections", "array") : operation.fields();
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, type) -> {
            if (random.nextInt(5) == 0) {
                return;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(name)).append(':').append(valueFor(type));
        });
        if (random.nextInt(6) == 0) {
            json.append(json.length() > 1 ? "," : "").append("\"unknownField\":1");
        }
        return json.append('}').toString();
    }

    private String valueFor(String type) {
        int wrong = random.nextInt(4);
        if (wrong == 0) {
            return pick("null", "[null]", "{}", "[]", "1", "-1", "1e999", "123456789012345678901234567890", "true", "\"\"",
                    "[\"a\",null]", "{\"a\":null}", "[[[]]]", "\"2026-02-30\"", "\"9999-99-99\"");
        }
        return switch (type) {
            case "array" -> "[" + quote(hostileString()) + (random.nextBoolean() ? ",null" : "") + "]";
            case "integer", "number" -> pick("0", "-1", "2147483648", "1.5", "99999999999999999999", "\"7\"");
            case "boolean" -> pick("true", "false", "\"yes\"", "0");
            case "object" -> "{\"x\":" + quote(hostileString()) + "}";
            default -> quote(hostileString());
        };
    }

    private String randomJson(int depth) {
        int choice = depth > 5 ? random.nextInt(4) : random.nextInt(6);
        return switch (choice) {
            case 0 -> quote(hostileString());
            case 1 -> pick("0", "-0", "1e308", "-1e-308", "3.14", "123456789012345678901234567890");
            case 2 -> pick("true", "false", "null");
            case 3 -> pick("", "{", "[", "{\"a\"", "\"unterminated", "{\"a\":1,}", "[1,,2]", "nul", "{'a':1}");
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.append(randomJson(depth + 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.append(quote(pick(FORM_FIELDS))).append(':').append(randomJson(depth + 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private String deepJson(String levels) {
        int depth = Integer.parseInt(levels);
        boolean arrays = random.nextBoolean();
        StringBuilder json = new StringBuilder(depth * 7 + 2);
        for (int i = 0; i < depth; i++) {
            json.append(arrays ? "[" : "{\"a\":");
        }
        json.append('1');
        for (int i = 0; i < depth; i++) {
            json.append(arrays ? ']' : '}');
        }
        return json.toString();
    }

    private String formBody(Identity identity) {
        int variant = random.nextInt(8);
        if (variant == 0) {
            return pick("email=%zz", "email=%", "email=%e", "a=%G0&b=1", "%=%", "email=%C0%AF", "\u00ff\u00fe\u0000\u0001",
                    "email=a%00b%40example.com", "csrf&&&==&", "sections=%ED%A0%80");
        }
        if (variant == 1) {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 1000 + random.nextInt(2000); i++) {
                many.append(i == 0 ? "" : "&").append("f").append(i).append("=1");
            }
            return many.toString();
        }
        StringBuilder form = new StringBuilder();
        if (identity.csrf() != null && random.nextInt(4) > 0) {
            form.append("csrf=").append(identity.csrf());
        }
        for (int i = random.nextInt(8); i > 0; i--) {
            String name = pick(FORM_FIELDS);
            String value = name.equals("revision") ? pick("-1", "abc", "", "99999999999999999999", "1.5", "W%2F%22d1%22")
                    : random.nextBoolean() ? url(hostileString()) : hostileValue();
            form.append(form.length() == 0 ? "" : "&").append(name).append('=').append(value);
        }
        return form.toString();
    }

    private void multipart(Request request, Identity identity) {
        String boundary = "b" + random.nextInt(1_000_000);
        String csrf = identity.csrf() == null ? "none" : identity.csrf();
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + pick("{\"sections\":[null]}", deepJson("100000"),
                "name,section\r\nx\u0000,y\r\n", "\u00ff\u00fe") + "\r\n";
        int variant = random.nextInt(6);
        request.contentType = switch (variant) {
            case 0 -> "multipart/form-data; boundary=";
            case 1 -> "multipart/form-data; boundary=\"" + boundary;
            case 2 -> "multipart/form-data";
            default -> "multipart/form-data; boundary=" + boundary;
        };
        String body = switch (variant) {
            case 3 -> part;                                             // no closing delimiter
            case 4 -> part + "--" + boundary + "--\r\n";
            case 5 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\n\r\n"
                    + "\u0000\u00ff" + "\r\n--" + boundary + "--\r\n";
            default -> part;
        };
        request.body = body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private List<String> junkHeaders() {
        List<String> headers = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            headers.add(pick("If-Match: ", "If-None-Match: ", "Accept: ", "Accept-Language: ", "Accept: ", "If-Match: ")
                    + pick("", "*", "W/", "\"", "\"unterminated", "garbage", ",,,", "W/\"x\", *", "\"v99-0000\"",
                    "text/html;q=abc", "*/*;q=-1", "application/json;;;", "a/b/c", "/", "x-klingon;q=2", "en-US;q=NaN",
                    "*;q=0.5, de", "\u00ff\u00fe", "application/*+json", "text/csv; charset=\"", "image/png"));
        }
        if (random.nextInt(5) == 0) {
            headers.add("X-Request-Id: " + pick("\u00ff", "a".repeat(500), "../../", "%00"));
        }
        return headers;
    }

    // ------------------------------------------------------------------ plumbing

    private Answer exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered (413, 431) and closed before taking everything: read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // a reset after the answer: keep what arrived
            }
            byte[] bytes = received.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = -1;
            Matcher line = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(head);
            if (line.find()) {
                status = Integer.parseInt(line.group(1));
            }
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            return new Answer(status, head, body);
        }
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String url(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    /** Just enough JSON to read the OpenAPI document. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    at++; // ':'
                    object.put(key, value());
                    skip();
                    if (text.charAt(at++) == '}') {
                        return object;
                    }
                }
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                while (true) {
                    array.add(value());
                    skip();
                    if (text.charAt(at++) == ']') {
                        return array;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String literal = text.substring(start, at);
            return switch (literal) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> literal;
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
