package io.subregistry.web;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.platform.i18n.Language;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@link PageContext} of the request being answered: {@code ?lang=} when it names an offered
 * language, else the browser's Accept-Language, else English ({@link Language#forReader}); an
 * unknown {@code ?lang=} is ignored. Paths under /console stay English (the console is not translated).
 */
@ApplicationScoped
public class PageContexts {

    /** Until a page was rendered on a worker thread: the brand without any setting. */
    private static final Brand UNKNOWN = new Brand(null, Brand.DEFAULT_ACCENT, null, null, null, null, null,
            Brand.DEFAULT_LANGUAGE, null, Set.of());

    private final HttpServerRequest request;
    private final BrandService brand;
    /** The brand as last read, for error pages answered on the event loop, where the (blocking) cache cannot be asked. */
    private volatile Brand lastBrand = UNKNOWN;

    public PageContexts(HttpServerRequest request, BrandService brand) {
        this.request = request;
        this.brand = brand;
    }

    public PageContext current() {
        String path = sitePath(request.path());
        Brand shown = brand();
        if (path.equals("/console") || path.startsWith("/console/")) {
            return new PageContext(Language.EN, false, shown, path);
        }
        String requested = request.getParam("lang");
        boolean chosen = Language.ofTag(requested).isPresent();
        Language lang = Language.forReader(requested, request.getHeader("Accept-Language"));
        return new PageContext(lang, chosen, shown, path + otherParameters(request.query()));
    }

    private Brand brand() {
        if (Context.isOnEventLoopThread()) {
            return lastBrand;
        }
        Brand current = brand.current();
        lastBrand = current;
        return current;
    }

    /** The path as the language links may use it: "//host" or "/\host" would lead off the site. */
    static String sitePath(String raw) {
        return raw == null || raw.isEmpty() ? "/" : raw.replaceFirst("^[/\\\\]+", "/");
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
