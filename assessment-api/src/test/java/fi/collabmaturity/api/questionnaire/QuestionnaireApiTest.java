package fi.collabmaturity.api.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.admin.ProjectionAdmin;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.questionnaire.Questionnaire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Questionnaires over real HTTP and through the {@link QuestionnaireForms} the public form calls: an open link's
 * answer appears in the area's profile and in the questionnaire's counts; invitations answer once and may replace
 * their answer; refusals store nothing; withdrawal by code; closing, by the researcher and by the wave. Each test has
 * an area (and where it closes one, a wave) of its own, so the counts are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionnaireApiTest {

    static final Path dataDir = TestData.freshFolder("questionnaires");
    static final String S = "/api/v1/studies/qs";
    static final String Q = S + "/questionnaires";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "questionnaire-admin");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    @Autowired
    QuestionnaireForms forms;
    @Autowired
    ProjectionAdmin projections;
    @Autowired
    StudiesQueries studies;
    ApiClient api;
    ApiClient viewer;

    @BeforeAll
    void study() {
        api = new ApiClient(port, "admin", "questionnaire-admin");
        created(api.post("/api/v1/studies", Slice.study("qs")));
        created(api.post(S + "/waves", Slice.wave("w1")));
        viewer = api.createAccount("qviewer", "VIEWER");
        created(api.post(S + "/members", "{\"username\":\"qviewer\",\"role\":\"VIEWER\"}"));
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private void area(String areaId) {
        created(api.post(S + "/areas", Slice.area(areaId)));
    }

    private static String body(String mode, String waveId, String... areaIds) {
        return """
                {"areaIds":%s,"waveId":"%s","languages":["fi","sv","en"],"mode":"%s",
                 "privacyNotice":{"fi":"Tietosuoja","sv":"Dataskydd","en":"Privacy"},
                 "askComments":true,"askOrganisationType":true,"askActorLevel":true}"""
                .formatted(toJson(areaIds), waveId, mode);
    }

    private static String toJson(String... ids) {
        List<String> quoted = new ArrayList<>();
        for (String id : ids) {
            quoted.add("\"" + id + "\"");
        }
        return "[" + String.join(",", quoted) + "]";
    }

    private JsonNode questionnaire(String id) {
        ApiClient.Response response = api.get(Q + "/" + id + "?minPosition=" + positions.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String token(String url) {
        assertThat(url).startsWith("/q/");
        return url.substring("/q/".length());
    }

    private QuestionnaireForms.Submission answer(String noticeVersion, String areaId, String trust) {
        return new QuestionnaireForms.Submission(UUID.randomUUID().toString(), true, noticeVersion, "sv", areaId,
                Map.of("trust", new BigDecimal(trust), "goals", new BigDecimal("2.0")), Map.of("trust", "ok"),
                "municipality", "coordination");
    }

    private QuestionnaireForms.Submission answer(QuestionnaireForms.Form form, String areaId) {
        return answer(form.noticeVersion(), areaId, "2.5");
    }

    private void refused(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(QuestionnaireForms.Refused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private JsonNode selfAssessedTrust(String areaId) {
        JsonNode profile = api.get(S + "/areas/" + areaId + "/profile?waveId=w1&minPosition=" + positions.head())
                .json();
        return SliceScenario.dimension(profile, "trust").path("sources").path("selfAssessments");
    }

    private int selfAssessments(String areaId) {
        return api.get(S + "/self-assessments?areaId=" + areaId + "&minPosition=" + positions.head()).json()
                .path("totalElements").asInt();
    }

    @Test
    void anOpenLinksAnswerAppearsInTheProfileAndTheCounts() {
        area("open1");
        JsonNode created = created(api.post(Q, body("open", "w1", "open1"))).json();
        String id = created.path("id").asText();
        String token = token(created.path("url").asText());
        QuestionnaireForms.Form form = forms.open(token).orElseThrow();
        assertThat(form.open()).isTrue();
        assertThat(form.invitation()).isFalse();
        assertThat(form.areaIds()).containsExactly("open1");
        assertThat(form.privacyNotice()).containsEntry("sv", "Dataskydd");
        assertThat(form.frameworkId()).isEqualTo("keast-mandell-2014");
        QuestionnaireForms.Receipt receipt = forms.submit(token, answer(form, "open1"));
        assertThat(receipt.replaced()).isFalse();
        assertThat(receipt.withdrawalCode()).hasSize(43);
        forms.submit(token, answer(form.noticeVersion(), "open1", "1.5"));

        assertThat(selfAssessedTrust("open1").path("n").asInt()).isEqualTo(2);
        JsonNode q = questionnaire(id);
        assertThat(q.path("state").asText()).isEqualTo("open");
        assertThat(q.path("mode").asText()).isEqualTo("open");
        assertThat(q.path("responses").asInt()).isEqualTo(2);
        assertThat(q.path("responsesByArea").path("open1").asInt()).isEqualTo(2);
        assertThat(q.path("responsesByOrganisationType").path("municipality").asInt()).isEqualTo(2);
        assertThat(q.path("responsesByActorLevel").path("coordination").asInt()).isEqualTo(2);
        // viewers see the counts, not those that come from the respondents' details
        JsonNode seen = viewer.get(Q + "/" + id).json();
        assertThat(seen.path("responses").asInt()).isEqualTo(2);
        assertThat(seen.has("responsesByOrganisationType")).isFalse();
        JsonNode list = api.get(Q + "?minPosition=" + positions.head()).json();
        assertThat(list.path("content").findValuesAsText("id")).contains(id);
    }

    @Test
    void refusalsStoreNothing() {
        area("refused1");
        JsonNode created = created(api.post(Q, body("open", "w1", "refused1"))).json();
        String token = token(created.path("url").asText());
        QuestionnaireForms.Form form = forms.open(token).orElseThrow();
        QuestionnaireForms.Submission good = answer(form, "refused1");
        refused(() -> forms.submit(token, new QuestionnaireForms.Submission(UUID.randomUUID().toString(), false, good.noticeVersion(), "fi",
                "refused1", good.answers(), Map.of(), null, null)), "no-consent");
        refused(() -> forms.submit(token, answer("0000000000000000", "refused1", "2.0")), "stale-notice");
        refused(() -> forms.submit("not-a-link", good), "unknown-link");
        assertThat(forms.open("not-a-link")).isEmpty();
        assertThatThrownBy(() -> forms.submit(token, new QuestionnaireForms.Submission(UUID.randomUUID().toString(), true, good.noticeVersion(),
                "de", "open1", Map.of("trust", new BigDecimal("7")), Map.of(), "nobody", null)))
                .isInstanceOfSatisfying(QuestionnaireForms.Refused.class, e -> {
                    assertThat(e.reason()).isEqualTo("invalid");
                    assertThat(e.fields()).containsOnlyKeys("language", "areaId");
                });
        assertThatThrownBy(() -> forms.submit(token, new QuestionnaireForms.Submission(UUID.randomUUID().toString(), true, good.noticeVersion(),
                "fi", "refused1", Map.of("trust", new BigDecimal("7")), Map.of(), "nobody", null)))
                .isInstanceOfSatisfying(QuestionnaireForms.Refused.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("answers.trust", "organisationType"));
        assertThat(selfAssessments("refused1")).isZero();
        assertThat(questionnaire(created.path("id").asText()).path("responses").asInt()).isZero();
    }

    @Test
    void invitationsAnswerOnceAndMayReplaceTheirAnswer() {
        area("invited1");
        JsonNode created = created(api.post(Q, body("invited", "w1", "invited1"))).json();
        String id = created.path("id").asText();
        assertThat(created.path("url").isNull()).isTrue();
        assertThat(api.post(Q + "/" + id + "/invitations", "{\"count\":0}").status()).isEqualTo(400);
        assertThat(api.post(Q + "/" + id + "/invitations", "{\"count\":1001}").status()).isEqualTo(400);
        JsonNode links = created(api.post(Q + "/" + id + "/invitations", "{\"count\":2}")).json().path("links");
        assertThat(links).hasSize(2);
        String first = token(links.get(0).asText());
        String second = token(links.get(1).asText());
        assertThat(first).isNotEqualTo(second);

        QuestionnaireForms.Form form = forms.open(first).orElseThrow();
        assertThat(form.invitation()).isTrue();
        assertThat(form.previous()).isEmpty();
        QuestionnaireForms.Receipt answered = forms.submit(first, answer(form, "invited1"));
        assertThat(answered.replaced()).isFalse();
        QuestionnaireForms.Previous previous = forms.open(first).orElseThrow().previous().orElseThrow();
        assertThat(previous.answers()).containsKey("trust");
        assertThat(previous.comments()).containsEntry("trust", "ok");
        assertThat(previous.organisationType()).isEqualTo("municipality");
        QuestionnaireForms.Receipt replaced = forms.submit(first, answer(form.noticeVersion(), "invited1", "3.0"));
        assertThat(replaced.replaced()).isTrue();
        forms.submit(second, answer(form, "invited1"));

        assertThat(selfAssessedTrust("invited1").path("n").asInt()).as("the replaced answer counts once")
                .isEqualTo(2);
        JsonNode q = questionnaire(id);
        assertThat(q.path("invitations").asInt()).isEqualTo(2);
        assertThat(q.path("responses").asInt()).isEqualTo(2);
        assertThat(q.path("withdrawn").asInt()).isZero();

        // withdrawn by its code: out of the counts and the profile; the code and the invitation are then used up
        forms.withdraw(replaced.withdrawalCode());
        refused(() -> forms.withdraw(replaced.withdrawalCode()), "already-withdrawn");
        refused(() -> forms.withdraw(answered.withdrawalCode()), "already-withdrawn");
        refused(() -> forms.withdraw("no-such-code"), "unknown-code");
        refused(() -> forms.submit(first, answer(form, "invited1")), "used-invitation");
        q = questionnaire(id);
        assertThat(q.path("responses").asInt()).isEqualTo(1);
        assertThat(q.path("withdrawn").asInt()).isEqualTo(1);
        assertThat(selfAssessedTrust("invited1").path("n").asInt()).isEqualTo(1);
        JsonNode withdrawal = api.get(S + "/self-assessments/" + replaced.selfAssessmentId()).json()
                .path("withdrawal");
        assertThat(withdrawal.path("reason").asText()).isEqualTo("withdrawn by the respondent");
    }

    @Test
    void invitationsCarryingPseudonymsAnswerAsThoseParticipants() {
        area("panel1");
        created(api.post(S + "/waves", Slice.wave("w0-panel")));
        // the panel respondent's answer of another wave, typed in through the API
        String earlier = created(api.post(S + "/self-assessments", Slice.selfAssessment("panel1", "w0-panel", "R-17",
                "{\"trust\":2.0}"))).json().path("id").asText();
        String id = created(api.post(Q, body("invited", "w1", "panel1"))).json().path("id").asText();
        String invitations = Q + "/" + id + "/invitations";

        invalid(api.post(invitations, "{\"pseudonyms\":[]}"), "pseudonyms");
        invalid(api.post(invitations, "{\"count\":1,\"pseudonyms\":[\"R-1\"]}"), "pseudonyms");
        invalid(api.post(invitations, "{\"pseudonyms\":[\"R-1\",\" \\u00a0\",null,\"" + "x".repeat(101)
                + "\",\"R-1\\u200b\"]}"), "pseudonyms[1]", "pseudonyms[2]", "pseudonyms[3]", "pseudonyms[4]");
        StringBuilder many = new StringBuilder("{\"pseudonyms\":[");
        for (int i = 0; i <= Questionnaire.MAX_INVITATIONS; i++) {
            many.append(i == 0 ? "" : ",").append("\"P-").append(i).append('"');
        }
        invalid(api.post(invitations, many.append("]}").toString()), "pseudonyms");

        JsonNode links = created(api.post(invitations, "{\"pseudonyms\":[\" R-17\",\"R-18\"]}")).json()
                .path("links");
        assertThat(links).hasSize(2);
        assertThat(links.get(0).path("pseudonym").asText()).as("normalised").isEqualTo("R-17");
        assertThat(links.get(1).path("pseudonym").asText()).isEqualTo("R-18");
        invalid(api.post(invitations, "{\"pseudonyms\":[\"R-19\",\"R-17\"]}"), "pseudonyms[1]");
        assertThat(questionnaire(id).path("invitations").asInt()).isEqualTo(2);

        String panelLink = token(links.get(0).path("link").asText());
        QuestionnaireForms.Form form = forms.open(panelLink).orElseThrow();
        QuestionnaireForms.Receipt answered = forms.submit(panelLink, answer(form, "panel1"));
        QuestionnaireForms.Receipt replaced = forms.submit(panelLink, answer(form.noticeVersion(), "panel1", "3.0"));
        assertThat(replaced.replaced()).isTrue();
        String other = forms.submit(token(links.get(1).path("link").asText()), answer(form, "panel1"))
                .selfAssessmentId();
        api.get(Q + "/" + id + "?minPosition=" + positions.head());
        String panelist = participant(earlier);
        assertThat(participant(answered.selfAssessmentId())).isEqualTo(panelist);
        assertThat(participant(replaced.selfAssessmentId())).isEqualTo(panelist);
        assertThat(participant(other)).isNotEqualTo(panelist);
        assertThat(api.get(S + "/self-assessments/" + replaced.selfAssessmentId()).json()
                .path("respondent").path("pseudonym").asText()).isEqualTo("R-17");

        // a panel respondent whose answer of this area and wave was typed in already: the form stores nothing
        created(api.post(S + "/self-assessments", Slice.selfAssessment("panel1", "w1", "R-20", "{\"trust\":2.0}")));
        String typedIn = token(created(api.post(invitations, "{\"pseudonyms\":[\"R-20\"]}")).json().path("links")
                .get(0).path("link").asText());
        long before = positions.head();
        refused(() -> forms.submit(typedIn, answer(form, "panel1")), "already-answered");
        assertThat(positions.head()).isEqualTo(before);

        // erased: the invitation's pseudonym is unreadable, and the link takes no answer for anyone
        ApiClient.Response erased = api.post(S + "/participants/R-17/erasure", "{}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("participant").asText()).isEqualTo(panelist);
        long head = positions.head();
        refused(() -> forms.submit(panelLink, answer(form.noticeVersion(), "panel1", "1.0")), "used-invitation");
        assertThat(positions.head()).isEqualTo(head);
    }

    /** The participant reference of a self-assessment's respondent, from the read model. */
    private String participant(String selfAssessmentId) {
        return studies.selfAssessment("qs", selfAssessmentId).orElseThrow().getString("respondent");
    }

    private static void invalid(ApiClient.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        response.json().path("errors").forEach(e -> named.add(e.path("field").asText()));
        assertThat(named).as(response.toString()).containsExactlyInAnyOrder(fields);
    }

    @Test
    void aClosedQuestionnaireTakesNoAnswers() {
        area("closed1");
        JsonNode created = created(api.post(Q, body("open", "w1", "closed1"))).json();
        String id = created.path("id").asText();
        String token = token(created.path("url").asText());
        QuestionnaireForms.Form form = forms.open(token).orElseThrow();
        ApiClient.Response closed = api.send("POST", Q + "/" + id + "/close", null, null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(api.send("POST", Q + "/" + id + "/close", null, null).status()).isEqualTo(409);
        assertThat(questionnaire(id).path("state").asText()).isEqualTo("closed");
        assertThat(forms.open(token).orElseThrow().open()).isFalse();
        refused(() -> forms.submit(token, answer(form, "closed1")), "closed");
        assertThat(selfAssessments("closed1")).isZero();
    }

    @Test
    void closingTheWaveClosesItsQuestionnaires() {
        area("wave1");
        created(api.post(S + "/waves", Slice.wave("w-closing")));
        JsonNode created = created(api.post(Q, body("open", "w-closing", "wave1"))).json();
        String id = created.path("id").asText();
        String token = token(created.path("url").asText());
        QuestionnaireForms.Form form = forms.open(token).orElseThrow();
        String closedByResearcher = created(api.post(Q, body("open", "w-closing", "wave1"))).json().path("id")
                .asText();
        assertThat(api.send("POST", Q + "/" + closedByResearcher + "/close", null, null).status()).isEqualTo(200);
        assertThat(api.send("POST", S + "/waves/w-closing/close", null, null).status()).isEqualTo(200);
        assertThat(questionnaire(id).path("state").asText()).isEqualTo("closed");
        assertThat(forms.open(token).orElseThrow().open()).isFalse();
        refused(() -> forms.submit(token, answer(form, "wave1")), "closed");
        assertThat(api.post(Q, body("open", "w-closing", "wave1")).status()).isEqualTo(409);

        // reopening the wave opens its questionnaires again, unless a researcher closed them
        ApiClient.Response reopened = api.post(S + "/waves/w-closing/reopen", "{\"reason\":\"late answers\"}");
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(questionnaire(id).path("state").asText()).isEqualTo("open");
        assertThat(questionnaire(closedByResearcher).path("state").asText()).isEqualTo("closed");
        forms.submit(token, answer(form, "wave1"));
        assertThat(questionnaire(id).path("responses").asInt()).isEqualTo(1);
    }

    @Test
    void researchersAndAdminsOpenThemViewersMayNot() {
        area("access1");
        assertThat(viewer.post(Q, body("open", "w1", "access1")).status()).isEqualTo(403);
        ApiClient stranger = api.createAccount("qstranger", "RESEARCHER");
        assertThat(stranger.post(Q, body("open", "w1", "access1")).status()).isEqualTo(404);
        assertThat(stranger.get(Q).status()).isEqualTo(404);
        assertThat(api.post(Q, """
                {"areaIds":["access1"],"waveId":"w1","languages":["fi"],"mode":"sometimes","privacyNotice":{}}""")
                .status()).isEqualTo(400);
    }

    @Test
    void rebuildingTheStudiesProjectionGivesTheSameQuestionnaires() throws Exception {
        area("replay1");
        String id = created(api.post(Q, body("invited", "w1", "replay1"))).json().path("id").asText();
        JsonNode links = created(api.post(Q + "/" + id + "/invitations", "{\"count\":3}")).json().path("links");
        String first = token(links.get(0).asText());
        QuestionnaireForms.Form form = forms.open(first).orElseThrow();
        forms.submit(first, answer(form, "replay1"));
        forms.submit(first, answer(form.noticeVersion(), "replay1", "1.0"));
        QuestionnaireForms.Receipt withdrawn = forms.submit(token(links.get(1).asText()), answer(form, "replay1"));
        forms.withdraw(withdrawn.withdrawalCode());
        long head = positions.head();
        JsonNode live = api.get(Q + "?size=500&minPosition=" + head).json();
        JsonNode one = questionnaire(id);
        assertThat(one.path("responses").asInt()).isEqualTo(1);
        assertThat(one.path("withdrawn").asInt()).isEqualTo(1);
        QuestionnaireForms.Previous previous = forms.open(first).orElseThrow().previous().orElseThrow();

        assertThat(api.post("/api/v1/admin/projections/studies/replay", "").status()).isEqualTo(202);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!projections.caughtUp("studies", head) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(projections.caughtUp("studies", head)).as("studies rebuilt").isTrue();
        assertThat(api.get(Q + "?size=500&minPosition=" + head).json()).isEqualTo(live);
        assertThat(questionnaire(id)).isEqualTo(one);
        assertThat(forms.open(first).orElseThrow().previous()).contains(previous);
    }

    @Test
    void anIdempotencyKeyOpensOneQuestionnaire() {
        area("idem1");
        String body = body("open", "w1", "idem1");
        ApiClient.Response first = api.sendWithHeader("POST", Q, "Idempotency-Key", "q-open-idem1", body);
        ApiClient.Response again = api.sendWithHeader("POST", Q, "Idempotency-Key", "q-open-idem1", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(again.json().path("url").asText()).isEqualTo(first.json().path("url").asText());
        long opened = 0;
        for (JsonNode q : api.get(Q + "?size=500&minPosition=" + positions.head()).json().path("content")) {
            if (q.path("areaIds").toString().contains("idem1")) {
                opened++;
            }
        }
        assertThat(opened).isEqualTo(1);
    }
}
