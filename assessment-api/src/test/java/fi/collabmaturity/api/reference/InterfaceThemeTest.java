package fi.collabmaturity.api.reference;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface theme catalogue: seeded from the source documents, extended by admins. An added theme is listed
 * with its names in three languages and can be used by areas at once; a bad or taken code is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InterfaceThemeTest {

    static final Path dataDir = TestData.freshFolder("themes");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "themes-admin-pw");
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminAddsAThemeThatAreasCanUseAtOnce() {
        ApiClient admin = new ApiClient(port, "admin", "themes-admin-pw");
        JsonNode before = admin.get("/api/v1/reference/interface-themes").json().path("content");
        assertThat(before).as("the seeded catalogue").hasSizeGreaterThanOrEqualTo(10);
        assertThat(codes(before)).contains("hyte").doesNotContain("culture");

        ApiClient.Response area = admin.post("/api/v1/studies", Slice.study("t"));
        assertThat(area.status()).isEqualTo(201);
        String cultureArea = Slice.area("culture-area").replace("\"hyte\"", "\"culture\"");
        assertThat(admin.post("/api/v1/studies/t/areas", cultureArea).status())
                .as("an unknown theme is refused").isEqualTo(400);

        ApiClient.Response added = admin.post("/api/v1/reference/interface-themes",
                "{\"code\":\"culture\",\"names\":{\"fi\":\"Kulttuuri\",\"sv\":\"Kultur\",\"en\":\"Culture\"}}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/v1/reference/interface-themes/culture");
        JsonNode after = admin.get("/api/v1/reference/interface-themes?minPosition=" + added.position()).json()
                .path("content");
        JsonNode culture = find(after, "culture");
        assertThat(culture.path("names").path("sv").asText()).isEqualTo("Kultur");
        assertThat(culture.path("seeded").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/studies/t/areas", cultureArea).status()).isEqualTo(201);

        assertThat(admin.post("/api/v1/reference/interface-themes",
                "{\"code\":\"culture\",\"names\":{\"fi\":\"K\",\"sv\":\"K\",\"en\":\"K\"}}").status())
                .as("a taken code").isEqualTo(409);
        assertThat(admin.post("/api/v1/reference/interface-themes", "{\"code\":\"hyte\",\"names\":{\"fi\":\"K\","
                + "\"sv\":\"K\",\"en\":\"K\"}}").status()).as("a seeded code").isEqualTo(409);
        ApiClient.Response bad = admin.post("/api/v1/reference/interface-themes",
                "{\"code\":\"Bad Code\",\"names\":{\"fi\":\"K\",\"en\":\"K\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("names.sv");
        assertThat(admin.get("/api/v1/reference/interface-themes").json().path("content")).hasSize(after.size());
    }

    private static List<String> codes(JsonNode themes) {
        List<String> codes = new ArrayList<>();
        themes.forEach(t -> codes.add(t.path("code").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode themes, String code) {
        for (JsonNode theme : themes) {
            if (code.equals(theme.path("code").asText())) {
                return theme;
            }
        }
        throw new AssertionError("no theme " + code + " in " + themes);
    }
}
