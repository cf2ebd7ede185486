package io.subregistry.web.console;

import io.subregistry.brand.BrandService;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The settings page's logo upload. */
public record LogoForm(@RestForm FileUpload logo) implements ConsoleForm<byte[]> {

    @Override
    public byte[] toInput() {
        if (logo == null || logo.uploadedFile() == null) {
            throw new InvalidInputException("Choose a logo file.", List.of(Violation.ofField("logo", "is missing")));
        }
        if (logo.size() > BrandService.MAX_LOGO_BYTES) {
            throw new InvalidInputException("The logo is too large.", List.of(Violation.ofField("logo",
                    "must be at most " + BrandService.MAX_LOGO_BYTES / 1024 + " KB")));
        }
        try {
            return Files.readAllBytes(logo.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> values() {
        return Map.of();
    }
}
