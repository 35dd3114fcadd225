package fi.collabmaturity.selfassessment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One answer per respondent, area and wave: the rule itself, on the aggregate that holds it. */
class RespondentSlotTest {

    private static final String STUDY = "lapland";
    private static final String AREA = "lapland-hyte";
    private static final String WAVE = "w2024";
    private static final String RESPONDENT = "0b7a3f7e-participant";

    private AggregateTestFixture<RespondentSlot> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RespondentSlot.class);
    }

    private static TakeRespondentSlot take(String selfAssessmentId, String replaces) {
        return new TakeRespondentSlot(STUDY, AREA, WAVE, RESPONDENT, selfAssessmentId, replaces);
    }

    private static RespondentSlotTaken taken(String selfAssessmentId, String replaces) {
        return new RespondentSlotTaken(STUDY, AREA, WAVE, RESPONDENT, selfAssessmentId, replaces);
    }

    private static RespondentSlotFreed freed(String selfAssessmentId) {
        return new RespondentSlotFreed(STUDY, AREA, WAVE, RESPONDENT, selfAssessmentId);
    }

    @Test
    void givesAFirstAnswerTheSlot() {
        fixture.givenNoPriorActivity()
                .when(take("sa-1", null))
                .expectEvents(taken("sa-1", null));
    }

    @Test
    void refusesASecondAnswerThatDoesNotSayWhatItReplaces() {
        fixture.given(taken("sa-1", null))
                .when(take("sa-2", null))
                .expectException(DuplicateAnswerException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("sa-1"))
                .expectNoEvents();
    }

    @Test
    void givesTheSlotToAnAnswerThatReplacesTheRecordedOne() {
        fixture.given(taken("sa-1", null))
                .when(take("sa-2", "sa-1"))
                .expectEvents(taken("sa-2", "sa-1"));
    }

    @Test
    void refusesAReplacementThatNamesAnotherAnswer() {
        fixture.given(taken("sa-1", null), taken("sa-2", "sa-1"))
                .when(take("sa-3", "sa-1"))
                .expectException(DuplicateAnswerException.class)
                .expectNoEvents();
    }

    @Test
    void isFreedByTheWithdrawalOfItsAnswer() {
        fixture.given(taken("sa-1", null))
                .when(new FreeRespondentSlot(STUDY, AREA, WAVE, RESPONDENT, "sa-1"))
                .expectEvents(freed("sa-1"));
    }

    @Test
    void staysWithItsAnswerWhenAReplacedOneIsWithdrawn() {
        fixture.given(taken("sa-1", null), taken("sa-2", "sa-1"))
                .when(new FreeRespondentSlot(STUDY, AREA, WAVE, RESPONDENT, "sa-1"))
                .expectNoEvents();
    }

    @Test
    void takesANewAnswerOnceFreed() {
        fixture.given(taken("sa-1", null), freed("sa-1"))
                .when(take("sa-2", null))
                .expectEvents(taken("sa-2", null));
    }
}
