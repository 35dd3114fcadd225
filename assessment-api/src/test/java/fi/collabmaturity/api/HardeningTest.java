package fi.collabmaturity.api;

import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Request size limits, security headers, and errors that never show internals. */
@org.springframework.context.annotation.Import(fi.collabmaturity.api.support.SlowClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningTest {

    static final Path dataDir = TestData.freshFolder("hardening");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "hardening-admin");
    }

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
