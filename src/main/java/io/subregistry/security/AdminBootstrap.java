package io.subregistry.security;

import io.quarkus.runtime.StartupEvent;
import io.subregistry.platform.RegistryConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * On first start with no accounts, creates {@code admin} so that someone can sign in at all.
 *
 * <p>Its password is REGISTRY_ADMIN_PASSWORD, or else generated and handed over in a file only the
 * service's user can read ({@code registry.admin-password-file}), never in the log: logs travel to
 * places a secret must not. The file is written before the account exists, so a start that cannot
 * write it stops with a clear message instead of creating an admin nobody can sign in as.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes @Priority(10) StartupEvent event, AccountService accounts, RegistryConfig config) {
        if (!accounts.hasNoAccounts()) {
            return;
        }
        var configured = config.adminPassword().filter(password -> !password.isBlank());
        if (configured.isPresent()) {
            accounts.bootstrapAdmin(configured.get());
            return;
        }
        Path file = Path.of(config.adminPasswordFile()).toAbsolutePath();
        String generated = PasswordGenerator.generate();
        handOver(generated, file);
        if (accounts.bootstrapAdmin(generated)) {
            LOG.warnf("Created the first staff account 'admin'. Its generated password is in %s (readable by this user "
                    + "only): sign in, change it, and delete the file. Or set REGISTRY_ADMIN_PASSWORD before the first start.", file);
        } else {
            // another instance created the admin meanwhile: this password opens nothing
            deleteQuietly(file);
        }
    }

    /** Writes {@code password} to a new {@code file} only its owner can read, replacing an older one. */
    static void handOver(String password, Path file) {
        try {
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("No staff account exists yet, and the generated password of the first admin could not be "
                    + "written to " + file + " (registry.admin-password-file). Set REGISTRY_ADMIN_PASSWORD, or make that "
                    + "place writable, and start again.", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s, whose password opens nothing: %s", file, e.toString());
        }
    }
}
