package io.subregistry.web;

import io.subregistry.brand.Brand;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.VersionQueries;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A public page rendered once for the list in force and the upcoming versions it shows (one
 * {@link VersionQueries.Moment}) and the brand in force, in one language, as UTF-8
 * bytes cut where the CSRF token goes; a request only joins the pieces around its token. The
 * token is the only part of the page that differs from one browser to another.
 */
final class PreparedPage {

    /** Rendered in place of the token: letters only, so escaping leaves it as it is; new at every start. */
    private static final String MARK = mark();

    /** Which prepared page a reader gets: by language, and whether they chose it (the links then carry ?lang=). */
    record Key(Language lang, boolean chosen) {
        static Key of(PageContext site) {
            return new Key(site.lang(), site.chosen());
        }
    }

    /** The versions the page shows (in force, upcoming): it stays right while they stay the same. */
    private final VersionQueries.Moment moment;
    /** The brand it shows: a saved change shows at once. */
    private final Brand brand;
    private final List<byte[]> pieces;
    private final int length;

    private PreparedPage(VersionQueries.Moment moment, Brand brand, List<byte[]> pieces) {
        this.moment = moment;
        this.brand = brand;
        this.pieces = pieces;
        this.length = pieces.stream().mapToInt(piece -> piece.length).sum();
    }

    /** Renders the page with {@code render} (given the text to print as the token) and cuts it at the token. */
    static PreparedPage of(VersionQueries.Moment moment, Brand brand, Function<String, String> render) {
        String page = render.apply(MARK);
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int at = page.indexOf(MARK); at >= 0; at = page.indexOf(MARK, from)) {
            pieces.add(page.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + MARK.length();
        }
        pieces.add(page.substring(from).getBytes(StandardCharsets.UTF_8));
        return new PreparedPage(moment, brand, List.copyOf(pieces));
    }

    boolean isFor(VersionQueries.Moment moment, Brand brand) {
        // the cached brand is the same object until a save; equals covers another instance's equal brand
        return this.moment == moment && (this.brand == brand || this.brand.equals(brand));
    }

    /** The page with {@code token} (a CSRF token: URL-safe base64, nothing to escape) where the form needs it. */
    byte[] with(String token) {
        byte[] tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
        byte[] page = new byte[length + tokenBytes.length * (pieces.size() - 1)];
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                System.arraycopy(tokenBytes, 0, page, at, tokenBytes.length);
                at += tokenBytes.length;
            }
            byte[] piece = pieces.get(i);
            System.arraycopy(piece, 0, page, at, piece.length);
            at += piece.length;
        }
        return page;
    }

    private static String mark() {
        SecureRandom random = new SecureRandom();
        StringBuilder mark = new StringBuilder("csrfslot");
        for (int i = 0; i < 16; i++) {
            mark.append((char) ('a' + random.nextInt(26)));
        }
        return mark.toString();
    }
}
