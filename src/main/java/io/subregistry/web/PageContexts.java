package io.subregistry.web;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.platform.i18n.Language;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@link PageContext} of the request being answered: {@code ?lang=} when it names an offered
 * language, else the browser's Accept-Language, else English ({@link Language#forReader}); an
 * unknown {@code ?lang=} is ignored. Paths under /console stay English (the console is not translated).
 */
@ApplicationScoped
public class PageContexts {

    /** Until the brand was first read (at start): the brand without any setting. */
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

    /** Reads the brand once at start, so that an error page answered on the event loop before any page was rendered names the company. */
    void onStart(@Observes StartupEvent event) {
        lastBrand = brand.current();
    }

    /** Who reads, from the request alone (no database): language, whether chosen, the page's address. */
    public record Reader(Language lang, boolean chosen, String here) {
        public PageContext with(Brand brand) {
            return new PageContext(lang, chosen, brand, here);
        }
    }

    public PageContext current() {
        return reader().with(brand());
    }

    public Reader reader() {
        String path = sitePath(request.path());
        if (path.equals("/console") || path.startsWith("/console/")) {
            return new Reader(Language.EN, false, path);
        }
        String requested = request.getParam("lang");
        boolean chosen = Language.ofTag(requested).isPresent();
        Language lang = Language.forReader(requested, request.getHeader("Accept-Language"));
        return new Reader(lang, chosen, path + otherParameters(request.query()));
    }

    /** The brand if it is cached (never reads the database: for answers on the event loop). */
    public Optional<Brand> brandIfLoaded() {
        Optional<Brand> loaded = brand.currentIfLoaded();
        loaded.ifPresent(known -> lastBrand = known);
        return loaded;
    }

    /**
     * The brand in force. On the event loop, where the database cannot be read, the cached one,
     * else the one last read (an error page for a path no resource matches).
     */
    public Brand brand() {
        if (Context.isOnEventLoopThread()) {
            return brandIfLoaded().orElse(lastBrand);
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
