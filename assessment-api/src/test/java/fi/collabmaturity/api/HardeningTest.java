package fi.collabmaturity.api;

import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Request size limits, the login throttle, an owner-only data folder, security headers, and errors that never show
 * internals.
 */
@org.springframework.context.annotation.Import(fi.collabmaturity.api.support.SlowClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningTest {

    static final Path dataDir = loose(TestData.freshFolder("hardening"));

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "hardening-admin");
        // the tests connect from loopback and say, as a proxy would, which client they stand for
        registry.add("assessment.security.trusted-proxies", () -> "127.0.0.1");
    }

    /** A data folder as a umask of 022 leaves it, with a file from before: the application must tighten both. */
    static Path loose(Path folder) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setPosixFilePermissions(Files.writeString(folder.resolve("notes.txt"), "from before"),
                        PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void refusesAnOversizedBodyWith413() {
        ApiClient api = new ApiClient(port, "admin", "hardening-admin");
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"frameworkId\":\"keast-mandell-2014\"}";
        ApiClient.Response response = api.post("/api/v1/studies", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/studies").json().path("totalElements").asInt()).isZero();
    }

    @Test
    void slowsDownPasswordGuessingPerAccountAndAddress() {
        ApiClient admin = new ApiClient(port, "admin", "hardening-admin");
        assertThat(admin.post("/api/v1/accounts", "{\"username\":\"guessed\",\"password\":\"right-password-1\","
                + "\"roles\":[\"RESEARCHER\"]}").status()).isEqualTo(201);
        ApiClient guesser = admin.as("guessed", "wrong-guess");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/studies").status()).as("guess " + i).isEqualTo(401);
        }
        assertThat(guesser.get("/api/v1/studies").status()).as("the sixth guess must wait").isEqualTo(429);
        ApiClient.Response locked = admin.as("guessed", "right-password-1").get("/api/v1/studies");
        assertThat(locked.status()).as("even the right password waits after repeated failures").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/studies").status()).as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void aCorrectPasswordGetsInFromAnAddressWhereSomeoneElseTriesNames() {
        ApiClient admin = new ApiClient(port, "admin", "hardening-admin");
        admin.createAccount("nat-colleague", "RESEARCHER");
        String nat = "192.0.2.44";
        assertThat(from(nat, "nat-colleague", "nat-colleague-password-1").statusCode()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(from(nat, "nobody-" + i, "guess").statusCode()).as("name " + i).isEqualTo(401);
        }
        HttpResponse<String> next = from(nat, "nobody-20", "guess");
        assertThat(next.statusCode()).as("the next name from that address waits").isEqualTo(429);
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        assertThat(from(nat, "nat-colleague", "nat-colleague-password-1").statusCode())
                .as("a colleague behind the same address still gets in").isEqualTo(200);
        assertThat(from("198.51.100.44", "nobody-21", "guess").statusCode())
                .as("the forwarded address is what counts: another client is not affected").isEqualTo(401);
    }

    @Test
    void oneAccountGuessedFromManyAddressesIsLockedEverywhereButWhereItSignsIn() {
        ApiClient admin = new ApiClient(port, "admin", "hardening-admin");
        admin.createAccount("spread", "RESEARCHER");
        assertThat(from("203.0.113.10", "spread", "spread-password-1").statusCode()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(from("198.51.100." + (100 + i), "spread", "guess").statusCode()).isEqualTo(401);
        }
        assertThat(from("198.51.100.200", "spread", "spread-password-1").statusCode())
                .as("even the right password waits at a new address").isEqualTo(429);
        assertThat(from("203.0.113.10", "spread", "spread-password-1").statusCode())
                .as("the owner's usual address still gets in").isEqualTo(200);
    }

    @Test
    void keepsTheDataFolderReadableByItsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        for (String name : List.of("events.mv.db", "readmodels.mv.db", "participant-keys.mv.db", "notes.txt")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    /** A request with Basic credentials that a trusted proxy forwards for {@code client}. */
    HttpResponse<String> from(String client, String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/studies"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", "10.9.9.9, " + client) // the first one the client wrote itself
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sendsSecurityHeaders() {
        ApiClient.Response response = new ApiClient(port, "admin", "hardening-admin").get("/api/v1/studies");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void errorsNeverShowInternals() {
        ApiClient api = new ApiClient(port, "admin", "hardening-admin");
        for (ApiClient.Response r : new ApiClient.Response[]{
                api.post("/api/v1/studies", "{\"title\": [1,2,"),
                api.get("/api/v1/studies/x/areas/y/profile?waveId=z&minPosition=abc"),
                api.get("/api/v1/no-such-endpoint"),
                api.send("DELETE", "/api/v1/studies", null, null)}) {
            assertThat(r.status()).isBetween(400, 499);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at fi.")
                    .doesNotContain("trace");
        }
    }
}
