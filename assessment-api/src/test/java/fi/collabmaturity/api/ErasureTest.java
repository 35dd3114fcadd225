package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.privacy.ParticipantKey;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure by crypto-shredding, checked the hard way: after it, the raw files of the event log, the read models and
 * the key store are searched byte by byte, and neither the personal data nor the participant's key is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureTest {

    static final Path dataDir = TestData.freshFolder("erasure");
    static final String EXCERPT = "Salainen lainaus ERASE-ME-7f3a: kunnanjohtaja ei vastaa viesteihin.";
    static final String COMMENT = "Kommentti ERASE-ME-91bc resursseista";
    static final String PSEUDONYM = "INFORMANT-ERASE-5d2e";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "erasure-admin");
    }

    @LocalServerPort
    int port;
    @Autowired
    ParticipantKeyStore keys;

    @Test
    void erasedPersonalDataIsUnreadableEverywhereAndScoresStay() throws Exception {
        ApiClient api = new ApiClient(port, "admin", "erasure-admin");
        String s = "/api/v1/studies/erasure";
        assertThat(api.post("/api/v1/studies", Slice.study("erasure")).status()).isEqualTo(201);
        assertThat(api.post(s + "/waves", Slice.wave("w1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/areas", Slice.area("a1")).status()).isEqualTo(201);
        assertThat(api.post(s + "/interviews", "{\"id\":\"i1\",\"waveId\":\"w1\",\"conductedOn\":\"2023-10-01\","
                + "\"informant\":{\"pseudonym\":\"" + PSEUDONYM + "\",\"organisationType\":\"parish\","
                + "\"actorLevel\":\"operations\"},\"areaIds\":[\"a1\"]}").status()).isEqualTo(201);
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post(s + "/interviews/i1/findings", "{\"id\":\"f" + i + "\",\"areaId\":\"a1\","
                    + "\"dimension\":\"trust\",\"stage\":2,\"codes\":[\"reactive\"],\"excerpt\":\"" + EXCERPT + "\"}")
                    .status()).isEqualTo(201);
        }
        ApiClient.Response last = api.post(s + "/self-assessments", "{\"areaId\":\"a1\",\"waveId\":\"w1\","
                + "\"respondent\":{\"pseudonym\":\"" + PSEUDONYM + "\",\"organisationType\":\"parish\","
                + "\"actorLevel\":\"operations\"},\"answers\":{\"trust\":2.5},\"comments\":{\"trust\":\"" + COMMENT
                + "\"}}");
        assertThat(last.status()).isEqualTo(201);
        String participant = keys.participantOf("erasure", PSEUDONYM).orElseThrow();
        byte[] key = keys.find(participant).map(ParticipantKey::key).orElseThrow().getEncoded();

        JsonNode visible = api.get(s + "/interviews/i1?minPosition=" + last.position()).json();
        assertThat(visible.path("informant").path("pseudonym").asText()).isEqualTo(PSEUDONYM);
        assertThat(visible.path("findings").get(0).path("excerpt").asText()).isEqualTo(EXCERPT);
        assertThat(rawFilesContain(key)).as("the scan finds the key while it exists").isTrue();
        assertThat(rawFilesContain(PSEUDONYM.getBytes(StandardCharsets.UTF_8)))
                .as("the scan finds the pseudonym in the key store while it exists").isTrue();

        ApiClient.Response erased = api.post(s + "/participants/" + PSEUDONYM + "/erasure", "");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(api.post(s + "/participants/" + PSEUDONYM + "/erasure", "").status()).isEqualTo(404);

        JsonNode after = api.get(s + "/interviews/i1?minPosition=" + erased.position()).json();
        assertThat(after.path("informant").path("erased").asBoolean()).isTrue();
        assertThat(after.path("findings").get(0).path("excerpt").path("erased").asBoolean()).isTrue();
        assertThat(after.path("findings").get(0).path("codes").get(0).asText()).isEqualTo("reactive");
        JsonNode sa = api.get(s + "/self-assessments?areaId=a1").json().path("content").get(0);
        assertThat(sa.path("respondent").path("erased").asBoolean()).isTrue();
        assertThat(sa.path("comments").path("erased").asBoolean()).isTrue();
        assertThat(sa.path("answers").path("trust").asDouble()).isEqualTo(2.5);
        JsonNode trust = api.get(s + "/areas/a1/profile?waveId=w1&minPosition=" + erased.position()).json()
                .path("dimensions").get(0);
        // three segments of one informant: one unit (framework 1.1.0), and erasing them leaves it counted
        assertThat(trust.path("sources").path("interviews").path("n").asInt()).as("scores stay").isEqualTo(1);
        assertThat(trust.path("sources").path("selfAssessments").path("n").asInt()).isEqualTo(1);

        assertThat(rawFilesContain(key)).as("the erased key is nowhere on disk").isFalse();
        for (String secret : new String[]{EXCERPT, COMMENT, PSEUDONYM, "ERASE-ME"}) {
            assertThat(rawFilesContain(secret.getBytes(StandardCharsets.UTF_8)))
                    .as("plaintext '" + secret + "' on disk").isFalse();
        }
    }

    /** Every file of the data folder: the event log, the read models, the key store (and their temp files). */
    private static boolean rawFilesContain(byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
