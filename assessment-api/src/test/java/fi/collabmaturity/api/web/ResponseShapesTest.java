package fi.collabmaturity.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.interview.InterviewController.FindingView;
import fi.collabmaturity.api.interview.InterviewController.InterviewView;
import fi.collabmaturity.api.questionnaire.QuestionnaireController.OpenedQuestionnaire;
import fi.collabmaturity.api.questionnaire.QuestionnaireController.QuestionnaireDetails;
import fi.collabmaturity.api.security.PersonalData;
import fi.collabmaturity.api.selfassessment.SelfAssessmentController.SelfAssessmentView;
import fi.collabmaturity.api.selfassessment.SelfAssessmentController.SubmittedSelfAssessment;
import fi.collabmaturity.api.selfassessment.SelfAssessmentImportController.ImportResult;
import fi.collabmaturity.api.study.StudyController;
import fi.collabmaturity.api.study.StudyController.StudyView;
import fi.collabmaturity.projection.studies.StudySummary.FrameworkRef;
import fi.collabmaturity.projection.studies.Withdrawal;
import fi.collabmaturity.projection.support.Page;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response records write what the maps they replaced wrote: a field left out where the map left it out (no
 * personal data for this reader, no withdrawal yet), null where the map put null (no excerpt recorded, no
 * description), the erased marker as {@code {"erased":true}}. Serialised as the application does
 * ({@code default-property-inclusion: always}, the JDK 8 module Spring Boot registers).
 */
class ResponseShapesTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.ALWAYS).build();

    private String write(Object value) throws Exception {
        return json.writeValueAsString(value);
    }

    private static FindingView finding(Optional<Object> excerpt, Withdrawal withdrawal) {
        return new FindingView("f1", "i1", null, "a1", "trust", 2, List.of("c1"), excerpt, "coder", 1L, false,
                withdrawal, null);
    }

    @Test
    void anExcerptIsLeftOutWithoutPersonalDataAndNullWhenNoneWasRecorded() throws Exception {
        assertThat(write(finding(null, null))).doesNotContain("excerpt").doesNotContain("withdrawal")
                .doesNotContain("history").contains("\"segmentId\":null");
        assertThat(write(finding(Optional.empty(), null))).contains("\"excerpt\":null");
        assertThat(write(finding(Optional.of("said so"), null))).contains("\"excerpt\":\"said so\"");
        assertThat(write(finding(Optional.of(PersonalData.ERASED), new Withdrawal("typo", "2024-01-01T00:00:00Z",
                "amy")))).contains("\"excerpt\":{\"erased\":true}")
                .contains("\"withdrawal\":{\"reason\":\"typo\",\"at\":\"2024-01-01T00:00:00Z\",\"by\":\"amy\"}");
    }

    @Test
    void anInformantOnlyWithPersonalDataAndFindingsOnlyOfOneInterview() throws Exception {
        InterviewView listed = new InterviewView("i1", "w1", "2024-01-01", null, List.of("a1"), "amy", "t", 3L, 0,
                null);
        assertThat(write(listed)).doesNotContain("informant").doesNotContain("findings")
                .contains("\"findingCount\":0");
        InterviewView read = new InterviewView("i1", "w1", "2024-01-01",
                new PersonalData.Informant("P1", null, "leader"), List.of("a1"), "amy", "t", 3L, 0, List.of());
        assertThat(write(read)).contains("\"informant\":{\"pseudonym\":\"P1\",\"organisationType\":null,"
                + "\"actorLevel\":\"leader\"}").contains("\"findings\":[]");
    }

    @Test
    void aRespondentAndCommentsOnlyWithPersonalDataCommentsNullWhenNoneWereGiven() throws Exception {
        SelfAssessmentView hidden = new SelfAssessmentView("s1", "a1", "w1", null, null, Map.of("trust", 2.0),
                false, null, "t", 1L);
        assertThat(write(hidden)).doesNotContain("respondent").doesNotContain("comments")
                .doesNotContain("withdrawal").contains("\"trust\":2.0");
        SelfAssessmentView shown = new SelfAssessmentView("s1", "a1", "w1",
                new PersonalData.Respondent("P1", "municipality", "leader", "person", null), Optional.empty(),
                Map.of("trust", 2.0), false, null, "t", 1L);
        assertThat(write(shown)).contains("\"comments\":null").contains("\"kind\":\"person\"")
                .doesNotContain("groupSize");
        SelfAssessmentView erased = new SelfAssessmentView("s1", "a1", "w1", PersonalData.ERASED,
                Optional.of(PersonalData.ERASED), Map.of(), false, null, "t", 1L);
        assertThat(write(erased)).contains("\"respondent\":{\"erased\":true}")
                .contains("\"comments\":{\"erased\":true}");
        assertThat(write(new PersonalData.Respondent("G", null, null, "group", 5))).contains("\"groupSize\":5");
    }

    @Test
    void optionalMembersAreLeftOutAndNullsWrittenAsBefore() throws Exception {
        StudyView study = new StudyView("s", "T", null, new FrameworkRef("f", "1.0"),
                new StudyController.ScoringPolicyView(3, new StudyController.Weights(1.0, 1.0), 0.5, 0.25, "t"),
                List.of(), List.of(new StudyController.Member("amy", "RESEARCHER")));
        assertThat(write(study)).contains("\"description\":null").contains("\"members\":[{\"username\":\"amy\"");
        assertThat(write(study.withoutMembers())).doesNotContain("members");
        assertThat(write(new SubmittedSelfAssessment("s1", "a1", "w1", Map.of(), null))).doesNotContain("replaces");
        assertThat(write(new ImportResult(true, 2, 2, List.of(), null))).doesNotContain("ids");
        assertThat(write(new OpenedQuestionnaire("q1", null))).isEqualTo("{\"id\":\"q1\",\"url\":null}");
        QuestionnaireDetails questionnaire = new QuestionnaireDetails("q1", "w1", List.of(), "open", List.of("fi"),
                null, "open", false, false, false, Map.of(), Map.of(), "n1", "t", 0, 0, Map.of(), 0, null, null, 1L);
        assertThat(write(questionnaire)).doesNotContain("responsesByOrganisationType")
                .doesNotContain("responsesByActorLevel").contains("\"closesOn\":null");
        assertThat(write(Page.of(List.of("a", "b", "c"), 1, 2)))
                .isEqualTo("{\"content\":[\"c\"],\"page\":1,\"size\":2,\"totalElements\":3}");
    }
}
