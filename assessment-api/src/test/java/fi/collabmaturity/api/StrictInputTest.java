package fi.collabmaturity.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.EventLog;
import fi.collabmaturity.api.support.RawHttp;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a researcher sends is recorded exactly or refused: no number rounded, no text read as a number, no number
 * read as a truth value or a date, no repeated key, nothing after the document; and inputs that used to fail with
 * 500 (or an HTML page from the container) are refused as problem details. Every refusal records nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest {

    static final Path dataDir = TestData.freshFolder("strict-input");
    static final String STUDY = "/api/v1/studies/strict";
    static final String INTERVIEW = STUDY + "/interviews/i1";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "strict-admin-1");
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    ApiClient api;
    EventLog events;
    String findingEtag;

    @BeforeAll
    void recordAStudyWithAnInterviewAndAFinding() {
        api = new ApiClient(port, "admin", "strict-admin-1");
        events = new EventLog(dataSource);
        assertThat(api.post("/api/v1/studies", Slice.study("strict")).status()).isEqualTo(201);
        assertThat(api.post(STUDY + "/waves", Slice.wave("w1")).status()).isEqualTo(201);
        assertThat(api.post(STUDY + "/areas", Slice.area("a1")).status()).isEqualTo(201);
        assertThat(api.post(STUDY + "/interviews", """
                {"id":"i1","waveId":"w1","conductedOn":"2023-10-04","areaIds":["a1"],
                 "informant":{"pseudonym":"I-1","organisationType":"municipality","actorLevel":"leadership"}}""")
                .status()).isEqualTo(201);
        ApiClient.Response finding = api.post(INTERVIEW + "/findings", finding("2"));
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        findingEtag = finding.header("ETag");
    }

    static String finding(String stage) {
        return """
                {"id":"f-%s","segmentId":"s-%s","areaId":"a1","dimension":"goals","stage":%s,"codes":["x"]}"""
                .formatted(Math.abs(stage.hashCode()), Math.abs(stage.hashCode()), stage);
    }

    @Test
    void refusesFractionsWhereWholeNumbersBelong() {
        for (String stage : new String[]{"2.5", "2.9", "3.99", "2.0"}) {
            refused(() -> api.post(INTERVIEW + "/findings", finding(stage)), "stage");
        }
        refused(() -> api.sendWithHeader("PUT", INTERVIEW + "/findings/f-" + Math.abs("2".hashCode()), "If-Match",
                findingEtag, "{\"areaId\":\"a1\",\"dimension\":\"goals\",\"stage\":2.7}"), "stage");
        refused(() -> api.put(STUDY + "/areas/a1/target-profile", "{\"targetProfile\":{\"trust\":2.5}}"),
                "targetProfile.trust");
        refused(() -> api.post(STUDY + "/areas", "{\"id\":\"a2\",\"name\":\"A\",\"regionCode\":\"21\","
                + "\"interfaceTheme\":\"hyte\",\"targetProfile\":{\"trust\":2.5}}"), "targetProfile.trust");
        refused(() -> api.put(STUDY + "/scoring-policy", "{\"minimumN\":2.5}"), "minimumN");
        refused(() -> api.put(STUDY + "/scoring-policy", "{\"minimumN\":1e400}"), "minimumN");
        refused(() -> api.put(STUDY + "/scoring-policy", "{\"minimumN\":99999999999}"), "minimumN");
    }

    @Test
    void refusesScalarsOfAnotherType() {
        refused(() -> api.post(INTERVIEW + "/findings", finding("\"2\"")), "stage");
        refused(() -> api.put(STUDY + "/scoring-policy", "{\"minimumN\":\"3\"}"), "minimumN");
        refused(() -> api.post("/api/v1/studies", "{\"id\":true,\"title\":\"T\",\"frameworkId\":\"keast-mandell-2014\"}"),
                "id");
        refused(() -> api.post("/api/v1/studies", "{\"id\":\"s7\",\"title\":7,\"frameworkId\":\"keast-mandell-2014\"}"),
                "title");
        refused(() -> api.post(STUDY + "/areas/a1/agreements", agreement("-1")), "regionalCouncilParty");
        refused(() -> api.post(STUDY + "/areas/a1/agreements", agreement("1")), "regionalCouncilParty");
        refused(() -> api.post(STUDY + "/areas/a1/agreements", agreement("\"true\"")), "regionalCouncilParty");
        refused(() -> api.post(STUDY + "/waves", "{\"id\":\"w2\",\"label\":\"W\",\"opensOn\":-1,"
                + "\"closesOn\":\"2023-12-31\"}"), "opensOn");
        refused(() -> api.post(STUDY + "/waves", "{\"id\":\"w2\",\"label\":\"W\",\"opensOn\":\"2023-09-01T10:00:00\","
                + "\"closesOn\":\"2023-12-31\"}"), "opensOn");
        refused(() -> api.post(STUDY + "/waves", "{\"id\":\"w2\",\"label\":\"W\",\"opensOn\":[2023,9,1],"
                + "\"closesOn\":\"2023-12-31\"}"), "opensOn");
        refused(() -> api.post(STUDY + "/areas/a1/forums", "{\"name\":\"F\",\"level\":\"operational\","
                + "\"since\":[]}"), "since");
    }

    static String agreement(String regionalCouncilParty) {
        return """
                {"kind":"strategic","status":"ready","regionalCouncilParty":%s,"decidedOn":"2023-05-15",
                 "parties":[{"type":"regional_council","name":"Lapin liitto"}]}""".formatted(regionalCouncilParty);
    }

    @Test
    void refusesRepeatedKeysNamingThem() {
        refused(() -> api.post(INTERVIEW + "/findings", "{\"segmentId\":\"s9\",\"areaId\":\"a1\","
                + "\"dimension\":\"goals\",\"stage\":2,\"stage\":3}"), "stage");
        refused(() -> api.put(STUDY + "/areas/a1/target-profile", "{\"targetProfile\":{\"trust\":2,\"trust\":3}}"),
                "targetProfile.trust");
        refused(() -> api.post(STUDY + "/waves", "{\"id\":\"w2\",\"id\":\"w3\",\"label\":\"W\","
                + "\"opensOn\":\"2023-09-01\",\"closesOn\":\"2023-12-31\"}"), "id");
    }

    @Test
    void refusesAnythingAfterTheDocument() {
        refused(() -> api.post(STUDY + "/waves", Slice.wave("w2") + "}garbage"), "body");
        refused(() -> api.post(STUDY + "/waves", Slice.wave("w2") + " {}"), "body");
    }

    @Test
    void refusesAMemberWhoseNameIsNoUsernameBeforeRecordingIt() {
        refused(() -> api.post(STUDY + "/members", "{\"username\":\"a b\",\"role\":\"VIEWER\"}"), "username");
        refused(() -> api.post(STUDY + "/members", "{\"username\":\"a/../b\",\"role\":\"VIEWER\"}"), "username");
        assertThat(api.get(STUDY).json().path("members").toString()).doesNotContain("a b").doesNotContain("../");
    }

    @Test
    void refusesAPasswordLongerThanBcryptReads() {
        // 73 bytes: BCrypt would ignore (or refuse) everything after the 72nd
        refused(() -> api.post("/api/v1/accounts", "{\"username\":\"longpass\",\"password\":\"" + "p".repeat(73)
                + "\",\"roles\":[\"RESEARCHER\"]}"), "password");
        // 40 characters but 80 bytes in UTF-8
        refused(() -> api.post("/api/v1/accounts", "{\"username\":\"longpass\",\"password\":\"" + "ä".repeat(40)
                + "\",\"roles\":[\"RESEARCHER\"]}"), "password");
        assertThat(api.post("/api/v1/accounts", "{\"username\":\"longpass\",\"password\":\"" + "p".repeat(72)
                + "\",\"roles\":[\"RESEARCHER\"]}").status()).isEqualTo(201);
        assertThat(api.as("longpass", "p".repeat(72)).get("/api/v1/studies").status()).isEqualTo(200);
        // nor does a sign-in with the right 72 bytes and more after them get in: BCrypt would not see the rest
        assertThat(api.as("longpass", "p".repeat(72) + "anything").get("/api/v1/studies").status())
                .isEqualTo(401);
    }

    @Test
    void ignoresAMalformedLanguageCookie() {
        for (String cookie : new String[]{"ui-lang=", "ui-lang=x-y_z!!", "ui-lang=%%", "ui-lang=\"fi"}) {
            ApiClient.Response apiRead = api.sendWithHeader("GET", "/api/v1/studies", "Cookie", cookie, "");
            assertThat(apiRead.status()).as(cookie + " " + apiRead).isEqualTo(200);
            ApiClient.Response page = api.sendWithHeader("GET", "/ui", "Cookie", cookie, "");
            assertThat(page.status()).as(cookie + " " + page).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
        }
    }

    @Test
    void answersTheErrorPathItselfAsNotFound() {
        ApiClient.Response error = api.get("/error");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("Content-Type")).startsWith("application/problem+json");
        assertThat(error.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void refusesAddressesTheContainerOrTheFirewallCannotTakeAsProblems() {
        RawHttp raw = new RawHttp(port);
        String longUrl = STUDY + "/areas?x=" + "a".repeat(20_000);
        for (String target : new String[]{STUDY + "%2F..%2Fx", STUDY + "/%00", STUDY + "/a%00b", STUDY + ";x=1",
                STUDY + "/%2e%2e/x", STUDY + "%5C", longUrl}) {
            RawHttp.Response r = raw.get(target, "");
            assertThat(r.status()).as(target.substring(0, Math.min(80, target.length())) + " " + r)
                    .isBetween(400, 499);
            assertThat(r.header("content-type")).as(r.toString()).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("<html").doesNotContain("Exception");
        }
        RawHttp.Response hugeHeader = raw.get("/api/v1/studies", "X-Padding: " + "p".repeat(20_000) + "\r\n");
        assertThat(hugeHeader.status()).as(hugeHeader.toString()).isBetween(400, 499);
        assertThat(hugeHeader.header("content-type")).as(hugeHeader.toString())
                .startsWith("application/problem+json");
    }

    private void refused(Supplier<ApiClient.Response> request, String field) {
        long before = events.count();
        ApiClient.Response response = request.get();
        assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = response.json().path("errors");
        assertThat(errors.findValuesAsText("field")).as(response.toString()).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
        assertThat(events.count()).as("nothing recorded for " + response).isEqualTo(before);
    }
}
