package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.study.Wave;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboards make of the questionnaires read model: the wave's questionnaires (an area's page only those
 * asking about the area), a response rate only where there is a denominator (invitations), and closed when closed,
 * when the wave is, or after the closing day.
 */
class QuestionnaireViewTest {

    static final Wave W1 = new Wave("w1", "2025", LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-31"), false);
    static final LocalDate TODAY = LocalDate.parse("2025-10-15");

    static Document questionnaire(String id, String wave, String mode, List<String> areas, int invitations,
                                  int responses, Document byArea) {
        return new Document("_id", "s/" + id).append("studyId", "s").append("questionnaireId", id)
                .append("waveId", wave).append("areaIds", areas).append("mode", mode)
                .append("languages", List.of("fi")).append("closesOn", null).append("closed", false)
                .append("invitations", invitations).append("responses", responses)
                .append("responsesByArea", byArea).append("withdrawn", 1);
    }

    static final List<Document> DOCUMENTS = List.of(
            questionnaire("q-open", "w1", "open", List.of("a1"), 0, 7, new Document("a1", 7)),
            questionnaire("q-invited", "w1", "invited", List.of("a1", "a2"), 12, 4,
                    new Document("a1", 3).append("a2", 1)),
            questionnaire("q-none-yet", "w1", "invited", List.of("a2"), 0, 0, new Document()),
            questionnaire("q-other-wave", "w0", "open", List.of("a1"), 0, 2, new Document("a1", 2)));

    @Test
    void theStudysPageListsTheWavesQuestionnairesWithARateOnlyForInvitations() {
        List<QuestionnaireView> rows = QuestionnaireView.of(DOCUMENTS, W1, null, TODAY);
        assertThat(rows).extracting(QuestionnaireView::questionnaireId)
                .containsExactly("q-invited", "q-none-yet", "q-open");
        QuestionnaireView invited = rows.get(0);
        assertThat(invited.invited()).isTrue();
        assertThat(invited.responses()).isEqualTo(4);
        assertThat(invited.invitations()).isEqualTo(12);
        assertThat(invited.rate()).isEqualTo(4.0 / 12);
        assertThat(invited.responsesHere()).isNull();
        assertThat(invited.withdrawn()).isEqualTo(1);
        // invited but no invitations issued yet: no rate, not 0 %
        assertThat(rows.get(1).rate()).isNull();
        // an open link: a count, never a rate
        assertThat(rows.get(2).invited()).isFalse();
        assertThat(rows.get(2).responses()).isEqualTo(7);
        assertThat(rows.get(2).rate()).isNull();
    }

    @Test
    void anAreasPageListsOnlyTheQuestionnairesAskingAboutItWithItsOwnResponses() {
        List<QuestionnaireView> rows = QuestionnaireView.of(DOCUMENTS, W1, "a1", TODAY);
        assertThat(rows).extracting(QuestionnaireView::questionnaireId).containsExactly("q-invited", "q-open");
        assertThat(rows.get(0).responsesHere()).isEqualTo(3);
        // the rate stays the questionnaire's: invitations are not issued per area
        assertThat(rows.get(0).rate()).isEqualTo(4.0 / 12);
        assertThat(QuestionnaireView.of(DOCUMENTS, W1, "a2", TODAY)).extracting(QuestionnaireView::responsesHere)
                .containsExactly(1, 0);
    }

    @Test
    void aQuestionnaireIsClosedWhenClosedWhenItsWaveIsOrAfterItsClosingDay() {
        Document closing = questionnaire("q", "w1", "open", List.of("a1"), 0, 0, new Document())
                .append("closesOn", "2025-10-15");
        assertThat(QuestionnaireView.of(List.of(closing), W1, null, TODAY).get(0).closed())
                .as("open on its closing day").isFalse();
        assertThat(QuestionnaireView.of(List.of(closing), W1, null, TODAY.plusDays(1)).get(0).closed()).isTrue();
        assertThat(QuestionnaireView.of(List.of(closing.append("closesOn", null).append("closed", true)), W1, null,
                TODAY).get(0).closed()).isTrue();
        Wave closedWave = new Wave("w1", "2025", W1.opensOn(), W1.closesOn(), true);
        assertThat(QuestionnaireView.of(List.of(closing.append("closed", false)), closedWave, null, TODAY).get(0)
                .closed()).isTrue();
        assertThat(QuestionnaireView.of(DOCUMENTS, null, null, TODAY)).isEmpty();
    }

    @Test
    void aRateIsAWholePercentageAsEachLanguageWritesIt() {
        UiText fi = new UiText("fi", FrameworkCatalog.fromClasspath().get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID),
                RegionCatalog.fromClasspath(), List.of());
        UiText en = new UiText("en", fi.framework(), RegionCatalog.fromClasspath(), List.of());
        assertThat(fi.percent(4.0 / 12)).isEqualTo("33\u00a0%");
        assertThat(en.percent(4.0 / 12)).isEqualTo("33%");
        assertThat(en.percent(2.0 / 3)).isEqualTo("67%");
        assertThat(en.percent(1.0)).isEqualTo("100%");
        assertThat(en.percent(null)).isEqualTo("–");
    }
}
