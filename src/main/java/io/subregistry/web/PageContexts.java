package io.subregistry.web;

import io.subregistry.brand.BrandService;
import io.subregistry.platform.i18n.Language;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The {@link PageContext} of the request being answered: {@code ?lang=} when it names an offered
 * language, else the browser's Accept-Language, else English ({@link Language#forReader}); an
 * unknown {@code ?lang=} is ignored. Paths under /console stay English (the console is not translated).
 */
@ApplicationScoped
public class PageContexts {

    private final HttpServerRequest request;
    private final BrandService brand;

    public PageContexts(HttpServerRequest request, BrandService brand) {
        this.request = request;
        this.brand = brand;
    }

    public PageContext current() {
        // "//host" or "/\host" would make a language link lead off the site
        String path = request.path().replaceFirst("^[/\\\\]+", "/");
        if (path.equals("/console") || path.startsWith("/console/")) {
            return new PageContext(Language.EN, false, brand.current(), path);
        }
        String requested = request.getParam("lang");
        boolean chosen = Language.ofTag(requested).isPresent();
        Language lang = Language.forReader(requested, request.getHeader("Accept-Language"));
        return new PageContext(lang, chosen, brand.current(), path + otherParameters(request.query()));
    }

    /** The query without {@code lang}, as "?a=1&b=2" or nothing, kept as it was encoded. */
    private static String otherParameters(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !isLang(pair)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    private static boolean isLang(String pair) {
        try {
            return URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).equals("lang");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
