package io.subregistry.web.console;

import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client of the console: keeps its cookies, reads the CSRF token from the pages it gets. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");
    private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d*)\"");

    private final CookieFilter cookies = new CookieFilter();
    private String csrf;
    private String revision;

    static ConsoleSession signedIn(String username, String password) {
        ConsoleSession session = new ConsoleSession();
        Response result = session.signIn(username, password);
        if (result.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + result.statusCode());
        }
        return session;
    }

    Response signIn(String username, String password) {
        get("/console/login");
        return form().formParam("username", username).formParam("password", password).post("/console/login");
    }

    Response get(String path) {
        Response response = request().get(path);
        Matcher matcher = CSRF.matcher(response.asString());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        Matcher revisionField = REVISION.matcher(response.asString());
        revision = revisionField.find() ? revisionField.group(1) : null;
        return response;
    }

    /** The revision the last page's form was rendered with, as a browser would post it back. */
    String revision() {
        if (revision == null) {
            throw new AssertionError("the last page had no revision field");
        }
        return revision;
    }

    /** A form post carrying the page's CSRF token. */
    RequestSpecification form() {
        return request().contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
    }

    /** A form post without it, as a forged cross-site form would arrive. */
    RequestSpecification forgedForm() {
        return request().contentType("application/x-www-form-urlencoded");
    }

    RequestSpecification request() {
        return RestAssured.given().filter(cookies).redirects().follow(false);
    }
}
