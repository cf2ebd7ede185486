package io.subregistry.signing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's verification (docs/verify-version.sh: curl and plain openssl, no code of
 * ours) against this running instance: a published version verifies, a tampered message does not.
 */
@QuarkusTest
class OpensslVerificationTest extends RegistryTest {

    static final Path SCRIPT = Path.of("docs/verify-version.sh");

    record Run(int exitCode, String output) {
    }

    @Test
    void aPublishedVersionVerifiesWithPlainOpenssl() throws Exception {
        Api.addToDraft(Entries.named("Postmark"));
        int number = Api.publishWithNotice("Adds Postmark");

        Run run = verify(String.valueOf(number));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Signature Verified Successfully");
        assertThat(verify("1").exitCode()).isZero();
    }

    @Test
    void aTamperedMessageFails() throws Exception {
        String hash = given().get("/api/v1/versions/2").path("hash");
        String other = (hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1);

        assertThat(verify("2", hash).exitCode()).isZero();
        Run tampered = verify("2", other);

        assertThat(tampered.exitCode()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).contains("Signature Verification Failure");
    }

    @Test
    void theReadmeShowsTheScriptVerbatim() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String script = Files.readString(SCRIPT);

        assertThat(readme).contains(script.strip());
    }

    private static Run verify(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 3];
        command[0] = "bash";
        command[1] = SCRIPT.toString();
        command[2] = "http://localhost:" + RestAssured.port;
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the verification script did not finish within 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
