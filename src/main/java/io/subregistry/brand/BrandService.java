package io.subregistry.brand;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.listformat.CompanyConfig;
import io.subregistry.platform.CachedValues;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The company's brand: read (cached; other instances see a change within registry.list-refresh)
 * and saved by admins, each change audit-logged. Every value is checked so that it is safe where
 * it goes: a name in a mail header has no line breaks, a colour passes WCAG AA on white, links
 * are http(s), a logo is a real PNG or an SVG (served inert).
 */
@ApplicationScoped
public class BrandService {

    static final String CACHE = "brand";
    public static final int MAX_LOGO_BYTES = 256 * 1024;
    static final Set<String> LANGUAGES = Set.of("en", "de", "fr");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern SVG_ROOT = Pattern.compile("\\A(\\s*<\\?xml[^>]*>)?(\\s*<!--.*?-->)*\\s*(<!DOCTYPE[^>]*>)?\\s*<svg[\\s>]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final BrandRepository rows;
    private final BrandConfig config;
    private final CompanyConfig company;
    private final RegistryConfig registry;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache cache;

    public BrandService(BrandRepository rows, BrandConfig config, CompanyConfig company, RegistryConfig registry,
                        AuditLog audit, Clock clock, @CacheName(CACHE) Cache cache) {
        this.cache = cache;
        this.rows = rows;
        this.config = config;
        this.company = company;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** A brand setting in config that could never be saved in the console stops the start, with the reason. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        try {
            check(new BrandSettings(config.companyName().orElse(null), config.accentColor().orElse(null),
                    config.privacyUrl().orElse(null), config.dpaUrl().orElse(null), config.legalPagesUrl().orElse(null),
                    config.contactEmail().orElse(null), config.footer().orElse(null), config.bindingLanguage().orElse(null)));
        } catch (InvalidInputException invalid) {
            throw new IllegalStateException("registry.brand.* settings that cannot be used: " + invalid.violations().stream()
                    .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(invalid.detail()));
        }
    }

    /** The brand in force. */
    @CacheResult(cacheName = CACHE)
    @Transactional
    public Brand current() {
        BrandRow saved = rows.saved();
        Set<String> fromConfig = new LinkedHashSet<>();
        String name = pick("companyName", config.companyName(), saved.companyName, fromConfig);
        String accent = pick("accentColor", config.accentColor().map(Contrast::normalise), saved.accentColor, fromConfig);
        String legal = pick("legalPagesUrl", config.legalPagesUrl(), saved.legalPagesUrl, fromConfig);
        Brand.Logo logo = saved.logo == null ? null : new Brand.Logo(saved.logoType, saved.logoSha256);
        return new Brand(name != null ? name : company.name(),
                accent != null ? accent : Brand.DEFAULT_ACCENT,
                pick("privacyUrl", config.privacyUrl(), saved.privacyUrl, fromConfig),
                pick("dpaUrl", config.dpaUrl(), saved.dpaUrl, fromConfig),
                legal != null ? legal : registry.legalPagesUrl().orElse(null),
                pick("contactEmail", config.contactEmail(), saved.contactEmail, fromConfig),
                pick("footer", config.footer(), saved.footer, fromConfig),
                Optional.ofNullable(pick("bindingLanguage", config.bindingLanguage(), saved.bindingLanguage, fromConfig))
                        .orElse(Brand.DEFAULT_LANGUAGE),
                logo, Set.copyOf(fromConfig));
    }

    /**
     * The brand in force if {@link #current()} has it cached; never reads the database, never
     * blocks (for pages answered on the event loop). The key is the one @CacheResult gives a
     * method without parameters.
     */
    public Optional<Brand> currentIfLoaded() {
        return CachedValues.ifLoaded(cache, cache.getDefaultKey());
    }

    /** The logo's bytes and type, if one was uploaded. */
    @Transactional
    public Optional<StoredLogo> logo() {
        BrandRow saved = rows.saved();
        return saved.logo == null ? Optional.empty() : Optional.of(new StoredLogo(saved.logoType, saved.logoSha256, saved.logo));
    }

    public record StoredLogo(String contentType, String sha256, byte[] bytes) {
    }

    /** Saves the settings; a field config decides cannot be saved (its value is shown, not taken). */
    @Transactional
    @CacheInvalidateAll(cacheName = CACHE)
    public void save(BrandSettings settings, String actor) {
        Map<String, String> checked = check(settings);
        // What config decides is shown locked and not posted: keep what was saved for it.
        checked.keySet().removeAll(configured());
        BrandRow row = rows.lockForChange();
        Map<String, Object> changed = new LinkedHashMap<>();
        apply(row, "companyName", checked, r -> r.companyName, (r, v) -> r.companyName = v, changed);
        apply(row, "accentColor", checked, r -> r.accentColor, (r, v) -> r.accentColor = v, changed);
        apply(row, "privacyUrl", checked, r -> r.privacyUrl, (r, v) -> r.privacyUrl = v, changed);
        apply(row, "dpaUrl", checked, r -> r.dpaUrl, (r, v) -> r.dpaUrl = v, changed);
        apply(row, "legalPagesUrl", checked, r -> r.legalPagesUrl, (r, v) -> r.legalPagesUrl = v, changed);
        apply(row, "contactEmail", checked, r -> r.contactEmail, (r, v) -> r.contactEmail = v, changed);
        apply(row, "footer", checked, r -> r.footer, (r, v) -> r.footer = v, changed);
        apply(row, "bindingLanguage", checked, r -> r.bindingLanguage, (r, v) -> r.bindingLanguage = v, changed);
        if (!changed.isEmpty()) {
            touch(row, actor);
            audit.record(actor, AuditAction.BRAND_UPDATED, "brand", changed);
        }
    }

    /** Stores a new logo (PNG or SVG, at most {@link #MAX_LOGO_BYTES}). */
    @Transactional
    @CacheInvalidateAll(cacheName = CACHE)
    public void uploadLogo(byte[] bytes, String actor) {
        String type = logoType(bytes);
        BrandRow row = rows.lockForChange();
        row.logo = bytes;
        row.logoType = type;
        row.logoSha256 = sha256(bytes);
        touch(row, actor);
        audit.record(actor, AuditAction.BRAND_LOGO_CHANGED, "brand", Map.of("type", type, "bytes", bytes.length,
                "sha256", row.logoSha256));
    }

    @Transactional
    @CacheInvalidateAll(cacheName = CACHE)
    public void removeLogo(String actor) {
        BrandRow row = rows.lockForChange();
        if (row.logo == null) {
            return;
        }
        row.logo = null;
        row.logoType = null;
        row.logoSha256 = null;
        touch(row, actor);
        audit.record(actor, AuditAction.BRAND_LOGO_CHANGED, "brand", Map.of("removed", true));
    }

    /** Sets values only where nothing was saved yet (the sample brand on first start). */
    @Transactional
    @CacheInvalidateAll(cacheName = CACHE)
    public void saveIfUnset(BrandSettings settings, String actor) {
        BrandRow row = rows.lockForChange();
        if (row.updatedAt == null) {
            save(settings, actor);
        }
    }

    private Set<String> configured() {
        Set<String> fields = new LinkedHashSet<>();
        pick("companyName", config.companyName(), null, fields);
        pick("accentColor", config.accentColor(), null, fields);
        pick("privacyUrl", config.privacyUrl(), null, fields);
        pick("dpaUrl", config.dpaUrl(), null, fields);
        pick("legalPagesUrl", config.legalPagesUrl(), null, fields);
        pick("contactEmail", config.contactEmail(), null, fields);
        pick("footer", config.footer(), null, fields);
        pick("bindingLanguage", config.bindingLanguage(), null, fields);
        return fields;
    }

    static String logoType(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("Choose a logo file.", List.of(Violation.ofField("logo", "is empty")));
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new InvalidInputException("The logo is too large.", List.of(Violation.ofField("logo",
                    "must be at most " + MAX_LOGO_BYTES / 1024 + " KB")));
        }
        if (startsWith(bytes, PNG)) {
            return "image/png";
        }
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (SVG_ROOT.matcher(text).find()) {
            return "image/svg+xml";
        }
        throw new InvalidInputException("The logo must be a PNG or an SVG image.",
                List.of(Violation.ofField("logo", "is neither a PNG nor an SVG image")));
    }

    private Map<String, String> check(BrandSettings s) {
        List<Violation> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("companyName", text("companyName", s.companyName(), 100, problems));
        String accent = blankToNull(s.accentColor());
        if (accent != null) {
            String normal = Contrast.normalise(accent);
            if (normal == null) {
                problems.add(Violation.ofField("accentColor", "must be a colour like #0b5fff"));
            } else if (Contrast.againstWhite(normal) < Contrast.MINIMUM) {
                problems.add(Violation.ofField("accentColor", String.format(java.util.Locale.ROOT,
                        "has a contrast of %.1f:1 against white; it needs at least 4.5:1 to be readable as text and behind"
                                + " white text (choose a darker colour)", Contrast.againstWhite(normal))));
            }
            accent = normal;
        }
        values.put("accentColor", accent);
        values.put("privacyUrl", url("privacyUrl", s.privacyUrl(), problems));
        values.put("dpaUrl", url("dpaUrl", s.dpaUrl(), problems));
        values.put("legalPagesUrl", url("legalPagesUrl", s.legalPagesUrl(), problems));
        String email = text("contactEmail", s.contactEmail(), 254, problems);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(Violation.ofField("contactEmail", "must be an e-mail address"));
        }
        values.put("contactEmail", email);
        values.put("footer", text("footer", s.footer(), 300, problems));
        String language = blankToNull(s.bindingLanguage());
        if (language != null && !LANGUAGES.contains(language)) {
            problems.add(Violation.ofField("bindingLanguage", "must be one of en, de, fr"));
        }
        values.put("bindingLanguage", language);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Some settings cannot be saved.", problems);
        }
        return values;
    }

    /** One line of plain text: no control characters (a company name goes into mail headers). */
    private static String text(String field, String value, int max, List<Violation> problems) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (v.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(Violation.ofField(field, "must be a single line without control characters"));
        } else if (v.length() > max) {
            problems.add(Violation.ofField(field, "must be at most " + max + " characters"));
        }
        return v;
    }

    private static String url(String field, String value, List<Violation> problems) {
        String v = text(field, value, 2000, problems);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                problems.add(Violation.ofField(field, "must be an http(s) address like https://example.com/privacy"));
            }
        } catch (Exception e) {
            problems.add(Violation.ofField(field, "must be an http(s) address like https://example.com/privacy"));
        }
        return v;
    }

    private void apply(BrandRow row, String field, Map<String, String> values, Function<BrandRow, String> get,
                       java.util.function.BiConsumer<BrandRow, String> set, Map<String, Object> changed) {
        if (!values.containsKey(field)) {
            return;
        }
        String value = values.get(field);
        if (!Objects.equals(get.apply(row), value)) {
            set.accept(row, value);
            changed.put(field, value == null ? "(cleared)" : value);
        }
    }

    private void touch(BrandRow row, String actor) {
        row.updatedAt = Instant.now(clock);
        row.updatedBy = actor;
    }

    private static String pick(String field, Optional<String> configured, String saved, Set<String> fromConfig) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            fromConfig.add(field);
            return configured.get().strip();
        }
        return saved;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
