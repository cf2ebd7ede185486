package io.subregistry.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated first admin password reaches its owner through a file, not the log (the start-up side: PackagedServiceIT). */
class AdminPasswordHandOverTest {

    @Test
    void theFileHoldsThePasswordAndOnlyItsOwnerMayReadIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("initial-admin-password");
        Files.writeString(file, "an older password from a start whose database was then wiped\n");
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));

        AdminBootstrap.handOver("correct horse battery staple", file);

        assertThat(Files.readString(file)).isEqualTo("correct horse battery staple\n");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aPlaceThatCannotBeWrittenStopsTheStartWithWhatToDo(@TempDir Path dir) {
        Path file = dir.resolve("no such directory").resolve("initial-admin-password");

        assertThatThrownBy(() -> AdminBootstrap.handOver("correct horse battery staple", file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("REGISTRY_ADMIN_PASSWORD")
                .hasMessageNotContaining("correct horse battery staple");
    }
}
