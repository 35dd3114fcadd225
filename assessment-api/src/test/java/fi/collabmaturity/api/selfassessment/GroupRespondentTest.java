package fi.collabmaturity.api.selfassessment;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workshop group is one respondent and says so, over real HTTP: {@code respondent.kind} group with its
 * {@code groupSize} comes back on the self-assessment and in the list, a respondent without a kind is a person, a
 * kind or size that breaks the rules is a 400 naming the field with nothing recorded; a spreadsheet says the same in
 * its optional {@code respondent_kind} and {@code group_size} columns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupRespondentTest {

    static final Path dataDir = TestData.freshFolder("group-respondents");
    static final String S = "/api/v1/studies/grp";
    static final String IMPORT = S + "/self-assessments/import";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "group-admin-pw");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    ApiClient api;

    @BeforeAll
    void study() {
        api = new ApiClient(port, "admin", "group-admin-pw");
        created(api.post("/api/v1/studies", Slice.study("grp")));
        created(api.post(S + "/waves", Slice.wave("w1")));
        created(api.post(S + "/areas", Slice.area("hyte")));
    }

    private static ApiClient.Response created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private ApiClient.Response submit(String pseudonym, String kindAndSize) {
        return api.post(S + "/self-assessments", """
                {"areaId":"hyte","waveId":"w1",
                 "respondent":{"pseudonym":"%s","organisationType":"municipality","actorLevel":"coordination"%s},
                 "answers":{"trust":2.5}}""".formatted(pseudonym, kindAndSize));
    }

    private JsonNode listed(long position) {
        return api.get(S + "/self-assessments?size=200&minPosition=" + position).json().path("content");
    }

    private static JsonNode respondentOf(JsonNode list, String pseudonym) {
        for (JsonNode item : list) {
            if (pseudonym.equals(item.path("respondent").path("pseudonym").asText())) {
                return item.path("respondent");
            }
        }
        throw new AssertionError("no self-assessment of " + pseudonym + " in " + list);
    }

    @Test
    void aGroupWithItsSizeRoundTripsThroughTheSelfAssessmentAndTheList() {
        ApiClient.Response response = created(submit("WS-1", ",\"kind\":\"group\",\"groupSize\":9"));
        String id = response.json().path("id").asText();

        JsonNode one = api.get(S + "/self-assessments/" + id + "?minPosition=" + response.position()).json();
        assertThat(one.path("respondent").path("kind").asText()).isEqualTo("group");
        assertThat(one.path("respondent").path("groupSize").isInt()).isTrue();
        assertThat(one.path("respondent").path("groupSize").asInt()).isEqualTo(9);
        JsonNode inList = respondentOf(listed(response.position()), "WS-1");
        assertThat(inList.path("kind").asText()).isEqualTo("group");
        assertThat(inList.path("groupSize").asInt()).isEqualTo(9);
    }

    @Test
    void aRespondentWhoseKindIsNotSentIsAPersonWithoutAGroupSize() {
        ApiClient.Response response = created(submit("P-1", ""));
        created(submit("P-2", ",\"kind\":\"person\""));

        JsonNode list = listed(positions.head());
        for (String pseudonym : List.of("P-1", "P-2")) {
            assertThat(respondentOf(list, pseudonym).path("kind").asText()).isEqualTo("person");
            assertThat(respondentOf(list, pseudonym).has("groupSize")).isFalse();
        }
        assertThat(response.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ",\"kind\":\"group\"                    | respondent.groupSize",
            ",\"kind\":\"group\",\"groupSize\":1    | respondent.groupSize",
            ",\"kind\":\"group\",\"groupSize\":501  | respondent.groupSize",
            ",\"kind\":\"person\",\"groupSize\":4   | respondent.groupSize",
            ",\"groupSize\":4                      | respondent.groupSize",
            ",\"kind\":\"team\",\"groupSize\":4     | respondent.kind",
            ",\"kind\":\"Group\",\"groupSize\":4    | respondent.kind",
            ",\"kind\":\"group\",\"groupSize\":2.5  | respondent.groupSize",
            ",\"kind\":\"group\",\"groupSize\":\"4\" | respondent.groupSize"})
    void aKindOrSizeAgainstTheRulesIsRefusedNamingTheFieldAndRecordsNothing(String kindAndSize, String field) {
        long head = positions.head();

        ApiClient.Response response = submit("BAD-1", kindAndSize);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors")).as(response.toString())
                .extracting(e -> e.path("field").asText()).containsExactly(field);
        assertThat(positions.head()).as("nothing recorded").isEqualTo(head);
    }

    private static byte[] csv(String header, String... rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(header).append("\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anImportSaysWhichRowsAreGroupsInItsOptionalColumns() {
        byte[] file = csv("areaId;waveId;pseudonym;organisationType;actorLevel;Respondent_Kind;group_size;trust",
                "hyte;w1;IMP-G;municipality;leadership;Group;12;2",
                "hyte;w1;IMP-P;municipality;leadership;person;;2,5",
                "hyte;w1;IMP-E;municipality;leadership;;;3");
        ApiClient.Response response = created(api.upload(IMPORT, "ryhmat.csv", "text/csv", file));

        JsonNode list = listed(response.position());
        assertThat(respondentOf(list, "IMP-G").path("kind").asText()).isEqualTo("group");
        assertThat(respondentOf(list, "IMP-G").path("groupSize").asInt()).isEqualTo(12);
        assertThat(respondentOf(list, "IMP-P").path("kind").asText()).isEqualTo("person");
        assertThat(respondentOf(list, "IMP-P").has("groupSize")).isFalse();
        assertThat(respondentOf(list, "IMP-E").path("kind").asText()).isEqualTo("person");
    }

    @Test
    void anImportRefusesRowsWhoseKindOrSizeBreaksTheRulesNamingTheColumn() {
        long head = positions.head();
        byte[] file = csv("areaId;waveId;pseudonym;organisationType;actorLevel;respondent_kind;group_size;trust",
                "hyte;w1;ROW-OK;municipality;leadership;group;3;2",
                "hyte;w1;ROW-2;municipality;leadership;group;;2",
                "hyte;w1;ROW-3;municipality;leadership;person;5;2",
                "hyte;w1;ROW-4;municipality;leadership;group;1;2",
                "hyte;w1;ROW-5;municipality;leadership;group;viisi;2",
                "hyte;w1;ROW-6;municipality;leadership;group;2,5;2",
                "hyte;w1;ROW-7;municipality;leadership;team;4;2");

        ApiClient.Response response = api.upload(IMPORT, "ryhmat.csv", "text/csv", file);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode rejected = response.json().path("rejected");
        assertThat(rejected).extracting(r -> r.path("row").asInt()).containsExactly(3, 4, 5, 6, 7, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(fields(rejected.get(i))).as(rejected.get(i).toString()).containsExactly("group_size");
        }
        assertThat(fields(rejected.get(5))).containsExactly("respondent_kind");
        assertThat(positions.head()).as("all or nothing: the good row was not recorded either").isEqualTo(head);
    }

    @Test
    void theTemplateOffersTheTwoColumns() {
        String header = api.get(S + "/self-assessments/import-template").body().strip();
        assertThat(header).startsWith("\uFEFFareaId;waveId;pseudonym;organisationType;actorLevel;"
                + "respondent_kind;group_size;trust;");
    }

    private static List<String> fields(JsonNode rejectedRow) {
        List<String> fields = new ArrayList<>();
        rejectedRow.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
