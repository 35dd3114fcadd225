package fi.collabmaturity.api.selfassessment;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.shared.RecordIds;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One answer per respondent, area and wave, over real HTTP: a file sent twice, a pseudonym typed in two Unicode
 * forms, a second answer at the same moment are refused (409, nothing recorded, n unchanged); an answer that says
 * what it replaces is recorded as a replacement and counted once; a withdrawal lets the respondent answer again.
 * Each test has an area of its own, so the counts are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateAnswersTest {

    static final Path dataDir = TestData.freshFolder("duplicates");
    static final String S = "/api/v1/studies/dup";
    static final String IMPORT = S + "/self-assessments/import";
    static final String HEADER = "areaId;waveId;pseudonym;organisationType;actorLevel;trust";
    /** "Äijä-7" composed (NFC, as Windows sends it) and decomposed (NFD, as macOS often does). */
    static final String COMPOSED = "\u00C4ij\u00E4-7";
    static final String DECOMPOSED = "A\u0308ija\u0308-7";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "duplicates-admin");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataSealer sealer;
    ApiClient api;

    @BeforeAll
    void study() {
        api = new ApiClient(port, "admin", "duplicates-admin");
        created(api.post("/api/v1/studies", Slice.study("dup")));
        created(api.post(S + "/waves", Slice.wave("w1")));
        created(api.post(S + "/waves", Slice.wave("w2")));
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private void area(String areaId) {
        created(api.post(S + "/areas", Slice.area(areaId)));
    }

    private static byte[] csv(String... rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ApiClient.Response importCsv(String query, byte[] file) {
        return api.upload(IMPORT + query, "vastaukset.csv", "text/csv", file);
    }

    private ApiClient.Response submit(String areaId, String pseudonym, String trust, String extra) {
        return api.post(S + "/self-assessments", """
                {"areaId":"%s","waveId":"w1",
                 "respondent":{"pseudonym":"%s","organisationType":"municipality","actorLevel":"coordination"},
                 "answers":{"trust":%s}%s}""".formatted(areaId, pseudonym, trust, extra));
    }

    /** The self-assessments on trust in an area's wave-1 profile, once the projections have read the log's head. */
    private JsonNode selfAssessedTrust(String areaId) {
        JsonNode profile = api.get(S + "/areas/" + areaId + "/profile?waveId=w1&minPosition=" + positions.head())
                .json();
        return SliceScenario.dimension(profile, "trust").path("sources").path("selfAssessments");
    }

    private JsonNode selfAssessment(String id) {
        return api.get(S + "/self-assessments/" + id + "?minPosition=" + positions.head()).json();
    }

    @Test
    void importingTheSameFileTwiceIsRefusedNamingTheRowsAndLeavesNUnchanged() {
        area("twice");
        byte[] file = csv("twice;w1;T-1;municipality;leadership;1", "twice;w1;T-2;municipality;leadership;2",
                "twice;w1;T-3;municipality;leadership;3");
        ApiClient.Response first = created(importCsv("", file));
        List<String> ids = new ArrayList<>();
        first.json().path("ids").forEach(id -> ids.add(id.asText()));
        assertThat(selfAssessedTrust("twice").path("n").asInt()).isEqualTo(3);
        long head = positions.head();

        ApiClient.Response again = importCsv("", file);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = again.json();
        assertThat(problem.path("type").asText()).endsWith(":import-duplicates");
        assertThat(problem.path("rows").asInt()).isEqualTo(3);
        assertThat(problem.path("accepted").asInt()).isZero();
        JsonNode rejected = problem.path("rejected");
        assertThat(rejected).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rejected.get(i).path("row").asInt()).isEqualTo(i + 2); // the header is row 1
            assertThat(rejected.get(i).path("duplicateOf").asText()).isEqualTo(ids.get(i));
            assertThat(rejected.get(i).path("errors").get(0).path("field").asText()).isEqualTo("pseudonym");
        }
        assertThat(positions.head()).as("nothing recorded").isEqualTo(head);
        assertThat(selfAssessedTrust("twice").path("n").asInt()).isEqualTo(3);
    }

    @Test
    void aDryRunReportsTheRowsThatRepeatRecordedAnswers() {
        area("dry");
        String firstId = created(importCsv("", csv("dry;w1;D-1;municipality;leadership;1"))).json()
                .path("ids").get(0).asText();
        long head = positions.head();

        ApiClient.Response dryRun = importCsv("?dryRun=true",
                csv("dry;w1;D-2;municipality;leadership;2", "dry;w1;D-1;municipality;leadership;3"));

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        JsonNode rejected = dryRun.json().path("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).path("duplicateOf").asText()).isEqualTo(firstId);
        assertThat(positions.head()).isEqualTo(head);
    }

    @Test
    void aFileThatRepeatsAndBreaksRowsIsBadInputNamingBoth() {
        area("mixed");
        created(importCsv("", csv("mixed;w1;M-1;municipality;leadership;1")));
        long head = positions.head();

        ApiClient.Response response = importCsv("", csv("mixed;w1;M-1;municipality;leadership;1",
                "mixed;w1;M-2;municipality;leadership;9"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("rejected")).hasSize(2);
        assertThat(response.json().path("rejected").get(0).path("duplicateOf").isTextual()).isTrue();
        assertThat(response.json().path("rejected").get(1).has("duplicateOf")).isFalse();
        assertThat(positions.head()).isEqualTo(head);
    }

    @Test
    void anImportWithReplaceReplacesTheRecordedAnswersAndCountsEachRespondentOnce() {
        area("corrected");
        String earlier = created(importCsv("", csv("corrected;w1;C-1;municipality;leadership;1",
                "corrected;w1;C-2;municipality;leadership;1"))).json().path("ids").get(0).asText();

        ApiClient.Response replaced = created(importCsv("?replace=true",
                csv("corrected;w1;C-1;municipality;leadership;3", "corrected;w1;C-3;municipality;leadership;2")));

        String replacement = replaced.json().path("ids").get(0).asText();
        JsonNode trust = selfAssessedTrust("corrected");
        assertThat(trust.path("n").asInt()).as("C-1 once, C-2, C-3").isEqualTo(3);
        assertThat(trust.path("mean").asDouble()).isEqualTo(2.0); // 3, 1, 2
        JsonNode old = selfAssessment(earlier);
        assertThat(old.path("withdrawn").asBoolean()).isTrue();
        assertThat(old.path("withdrawal").path("reason").asText())
                .isEqualTo("replaced by self-assessment " + replacement);
    }

    @Test
    void theComposedAndTheDecomposedPseudonymAreOnePerson() {
        area("unicode");
        String first = created(submit("unicode", COMPOSED, "1", "")).json().path("id").asText();
        long head = positions.head();

        ApiClient.Response again = submit("unicode", " " + DECOMPOSED + "\u00A0", "2", "");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith(":duplicate-answer");
        assertThat(again.json().path("duplicateOf").asText()).isEqualTo(first);
        ApiClient.Response imported = importCsv("", csv("unicode;w1;" + DECOMPOSED + ";municipality;leadership;2"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(409);
        assertThat(imported.json().path("rejected").get(0).path("duplicateOf").asText()).isEqualTo(first);
        assertThat(positions.head()).isEqualTo(head);
        assertThat(selfAssessedTrust("unicode").path("n").asInt()).isEqualTo(1);
        JsonNode respondent = selfAssessment(first).path("respondent");
        assertThat(respondent.path("pseudonym").asText()).isEqualTo(COMPOSED);
    }

    @Test
    void aParticipantIsErasedByEitherFormAndMayThenAnswerAfresh() {
        area("erased");
        String first = created(submit("erased", DECOMPOSED, "1", "")).json().path("id").asText();

        ApiClient.Response erased = api.post(S + "/participants/" + URLEncoder.encode(COMPOSED, StandardCharsets.UTF_8)
                + "/erasure", "");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(selfAssessment(first).path("respondent").path("erased").asBoolean()).isTrue();
        // the erased participant is no one any more: the same pseudonym is a new participant, answering once
        created(submit("erased", COMPOSED, "2", ""));
        assertThat(submit("erased", COMPOSED, "3", "").status()).isEqualTo(409);
    }

    @Test
    void aPseudonymOfOnlyInvisibleSpacesIsRefusedAsRequired() {
        area("blank");
        long head = positions.head();

        ApiClient.Response response = submit("blank", "\u00A0\u200B ", "1", "");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("respondent.pseudonym");
        assertThat(positions.head()).isEqualTo(head);
    }

    @Test
    void aSecondAnswerIsRecordedOnlyAsTheReplacementOfTheFirstAndCountedOnce() {
        area("replaced");
        String first = created(submit("replaced", "R-1", "1", "")).json().path("id").asText();
        assertThat(submit("replaced", "R-1", "3", "").status()).isEqualTo(409);
        assertThat(submit("replaced", "R-1", "3", ",\"replaces\":\"no-such-answer\"").status()).isEqualTo(404);

        ApiClient.Response replacement = created(submit("replaced", "R-1", "3", ",\"replaces\":\"" + first + "\""));

        String second = replacement.json().path("id").asText();
        assertThat(replacement.json().path("replaces").asText()).isEqualTo(first);
        JsonNode trust = selfAssessedTrust("replaced");
        assertThat(trust.path("n").asInt()).isEqualTo(1);
        assertThat(trust.path("mean").asDouble()).isEqualTo(3.0);
        assertThat(selfAssessment(first).path("withdrawal").path("reason").asText())
                .isEqualTo("replaced by self-assessment " + second);
        // the replaced answer is no longer the respondent's: naming it again replaces nothing
        assertThat(submit("replaced", "R-1", "2", ",\"replaces\":\"" + first + "\"").status()).isEqualTo(409);
    }

    /**
     * An answer as a version before one answer per respondent recorded it: its self-assessment's event alone, no
     * respondent slot; the participant reference is the one the API derives from the pseudonym.
     */
    private String legacyAnswer(String areaId, String id, String pseudonym) {
        String studyId = "dup";
        var details = new RespondentDetails(pseudonym, "municipality", "coordination", Map.of());
        var sealed = sealer.seal(studyId, pseudonym, details);
        eventStore.publish(new GenericDomainEventMessage<>("SelfAssessment", RecordIds.selfAssessment(studyId, id), 0L,
                new SelfAssessmentSubmitted(id, studyId, areaId, "w1", sealed.participant(), sealed,
                        Map.of("trust", new BigDecimal("1.0")))));
        assertThat(selfAssessment(id).path("id").asText()).as("projected").isEqualTo(id);
        return id;
    }

    @Test
    void anAnswerRecordedBeforeAnswersHadSlotsIsTheRespondentsOneAnswer() {
        area("legacy");
        String legacy = legacyAnswer("legacy", "legacy-answer-1", "L-1");
        long head = positions.head();

        ApiClient.Response again = submit("legacy", "L-1", "2", "");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith(":duplicate-answer");
        assertThat(again.json().path("duplicateOf").asText()).isEqualTo(legacy);
        ApiClient.Response imported = importCsv("", csv("legacy;w1;L-1;municipality;leadership;2"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(409);
        assertThat(imported.json().path("rejected").get(0).path("duplicateOf").asText()).isEqualTo(legacy);
        assertThat(positions.head()).as("nothing recorded").isEqualTo(head);

        String replacement = created(submit("legacy", "L-1", "3", ",\"replaces\":\"" + legacy + "\"")).json()
                .path("id").asText();

        assertThat(selfAssessment(legacy).path("withdrawal").path("reason").asText())
                .isEqualTo("replaced by self-assessment " + replacement);
        JsonNode trust = selfAssessedTrust("legacy");
        assertThat(trust.path("n").asInt()).isEqualTo(1);
        assertThat(trust.path("mean").asDouble()).isEqualTo(3.0);
        // from now on the slot holds the respondent's answer
        assertThat(submit("legacy", "L-1", "2", "").json().path("duplicateOf").asText()).isEqualTo(replacement);
    }

    @Test
    void aWithdrawnAnswerRecordedBeforeAnswersHadSlotsLetsTheRespondentAnswer() {
        area("legacy-withdrawn");
        String legacy = legacyAnswer("legacy-withdrawn", "legacy-answer-2", "L-2");
        assertThat(api.send("DELETE", S + "/self-assessments/" + legacy, "application/json",
                "{\"reason\":\"answered for the wrong area\"}").status()).isEqualTo(200);
        assertThat(selfAssessment(legacy).path("withdrawn").asBoolean()).isTrue();

        created(submit("legacy-withdrawn", "L-2", "2", ""));

        assertThat(selfAssessedTrust("legacy-withdrawn").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void theSameRespondentAnswersEachWaveAndEachAreaOnce() {
        area("waves");
        area("waves-other");
        created(submit("waves", "W-1", "1", ""));
        created(submit("waves-other", "W-1", "1", ""));
        created(api.post(S + "/self-assessments", Slice.selfAssessment("waves", "w2", "W-1", "{\"trust\":2}")));
    }

    @Test
    void aWithdrawalLetsTheRespondentAnswerAgain() {
        area("withdrawn");
        String first = created(submit("withdrawn", "X-1", "1", "")).json().path("id").asText();
        assertThat(api.send("DELETE", S + "/self-assessments/" + first, "application/json",
                "{\"reason\":\"answered for the wrong area\"}").status()).isEqualTo(200);

        created(submit("withdrawn", "X-1", "2", ""));

        assertThat(selfAssessedTrust("withdrawn").path("n").asInt()).isEqualTo(1);
        assertThat(selfAssessedTrust("withdrawn").path("mean").asDouble()).isEqualTo(2.0);
    }

    @Test
    void identicalAnswersAtTheSameMomentAreRecordedOnce() throws Exception {
        area("race");
        List<ApiClient.Response> responses = atOnce(10, () -> submit("race", "RACE-1", "2", ""));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(9);
        assertThat(selfAssessedTrust("race").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void identicalFilesAtTheSameMomentAreRecordedOnce() throws Exception {
        area("racefile");
        byte[] file = csv("racefile;w1;RF-1;municipality;leadership;1", "racefile;w1;RF-2;municipality;leadership;2");
        List<ApiClient.Response> responses = atOnce(4, () -> importCsv("", file));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(3);
        assertThat(selfAssessedTrust("racefile").path("n").asInt()).isEqualTo(2);
    }

    /** Sends {@code count} requests released together, and their responses. */
    private static List<ApiClient.Response> atOnce(int count, Callable<ApiClient.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
