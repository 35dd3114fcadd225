package fi.collabmaturity.selfassessment;

import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static fi.collabmaturity.testsupport.Expect.invalidFields;
import static fi.collabmaturity.testsupport.Expect.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SelfAssessmentTest {

    private static final String STUDY = "lapland";
    private static final String WAVE = "w2024";
    private static final String CLOSED_WAVE = "w2023";
    private static final String AREA = "lapland-hyte";
    private static final String ID = "sa-001";
    private static final String PSEUDONYM = "R-042";
    private static final Participant RESPONDENT = new Participant(PSEUDONYM, "wellbeing_services_county",
            "leadership");

    private TestWorld world;
    private AggregateTestFixture<SelfAssessment> fixture;

    @BeforeEach
    void setUp() {
        world = new TestWorld().study(STUDY).wave(STUDY, WAVE).wave(STUDY, CLOSED_WAVE).closeWave(STUDY, CLOSED_WAVE)
                .area(STUDY, AREA);
        fixture = world.fixture(SelfAssessment.class);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Map<String, BigDecimal> answer(String dimension, String value) {
        Map<String, BigDecimal> answers = new HashMap<>();
        answers.put(dimension, value == null ? null : d(value));
        return answers;
    }

    private static SubmitSelfAssessment submit(Map<String, BigDecimal> answers, Map<String, String> comments) {
        return new SubmitSelfAssessment(ID, STUDY, AREA, WAVE, RESPONDENT, answers, comments);
    }

    private static SubmitSelfAssessment submitTo(String areaId, String waveId) {
        return new SubmitSelfAssessment(ID, STUDY, areaId, waveId, RESPONDENT, Map.of("trust", d("2.0")), null);
    }

    private SelfAssessmentSubmitted submitted() {
        Sealed details = world.sealer.seal(STUDY, PSEUDONYM,
                new RespondentDetails(PSEUDONYM, "wellbeing_services_county", "leadership", Map.of()));
        return new SelfAssessmentSubmitted(ID, STUDY, AREA, WAVE, details.participant(), details,
                Map.of("trust", d("2.0")));
    }

    @Nested
    class SubmitSelfAssessmentCommand {

        @Test
        void recordsTheAnswersInFrameworkOrderAndSealsTheRespondentAndComments() {
            Map<String, BigDecimal> answers = new LinkedHashMap<>();
            answers.put("commitment", d("3"));
            answers.put("trust", d("1.5"));
            answers.put("power", d("2.50"));
            Map<String, String> comments = new LinkedHashMap<>();
            comments.put("power", " Valta pysyy kunnilla. ");
            comments.put("trust", "Luotamme toisiimme.");
            comments.put("goals", "  ");

            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, STUDY, AREA, WAVE,
                            new Participant(" R-042 ", "wellbeing_services_county", "leadership"), answers, comments))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        String respondent = world.keys.participantOf(STUDY, PSEUDONYM).orElseThrow();
                        assertThat(e.selfAssessmentId()).isEqualTo(ID);
                        assertThat(e.studyId()).isEqualTo(STUDY);
                        assertThat(e.areaId()).isEqualTo(AREA);
                        assertThat(e.waveId()).isEqualTo(WAVE);
                        assertThat(e.respondent()).isEqualTo(respondent);
                        assertThat(e.answers()).containsExactly(entry("trust", d("1.5")), entry("power", d("2.5")),
                                entry("commitment", d("3.0")));
                        assertThat(e.respondentDetails().participant()).isEqualTo(respondent);
                        RespondentDetails details = world.sealer.open(e.respondentDetails(), RespondentDetails.class)
                                .orElseThrow();
                        assertThat(details.pseudonym()).isEqualTo(PSEUDONYM);
                        assertThat(details.organisationType()).isEqualTo("wellbeing_services_county");
                        assertThat(details.actorLevel()).isEqualTo("leadership");
                        assertThat(details.comments()).containsExactly(entry("trust", "Luotamme toisiimme."),
                                entry("power", "Valta pysyy kunnilla."));
                    }));
        }

        @Test
        void leavesSkippedDimensionsAbsentInsteadOfZero() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("goals", d("1.0"), "resources", d("2.5")), null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        assertThat(e.answers()).containsOnlyKeys("goals", "resources");
                        assertThat(e.answers()).doesNotContainKeys("trust", "communication", "information_sharing",
                                "power", "accountability", "commitment");
                        assertThat(e.answers().values()).doesNotContain(BigDecimal.ZERO, d("0.0"));
                    }));
        }

        @Test
        void keepsCommentsOutOfTheClearText() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), Map.of("trust", "Salainen kommentti")))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        assertThat(e.toString()).doesNotContain("Salainen", PSEUDONYM);
                        assertThat(world.sealer.open(e.respondentDetails(), RespondentDetails.class).orElseThrow()
                                .comments()).containsExactly(entry("trust", "Salainen kommentti"));
                    }));
        }

        @Test
        void linksTheSameRespondentAcrossSubmissionsByOneParticipantReference() {
            String earlier = world.sealer.participantOf(STUDY, PSEUDONYM);

            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class,
                            e -> assertThat(e.respondent()).isEqualTo(earlier)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "1.0", "1.5", "2.0", "2.5", "3.0", "3.00"})
        void acceptsEveryPointOfTheScale(String value) {
            fixture.givenNoPriorActivity()
                    .when(submit(answer("accountability", value), null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        assertThat(e.answers()).containsOnlyKeys("accountability");
                        assertThat(e.answers().get("accountability")).isEqualTo(d(value).setScale(1));
                    }));
        }

        @ParameterizedTest
        @ValueSource(strings = {"3.5", "1.25", "0.5", "0", "-1", "2.49", "4", "2.0000001"})
        void refusesAnAnswerOffTheScale(String value) {
            fixture.givenNoPriorActivity()
                    .when(submit(answer("trust", value), null))
                    .expectException(invalidFields("answers.trust"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAnswerWithoutValue() {
            fixture.givenNoPriorActivity()
                    .when(submit(answer("trust", null), null))
                    .expectException(invalidFields("answers.trust"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAnswerToADimensionTheFrameworkDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2"), "leadership", d("2")), null))
                    .expectException(invalidFields("answers.leadership"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnIdAlreadyTakenByAnotherRecord() {
            world.append("Interview", RecordIds.selfAssessment(STUDY, ID), new Object());
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void namesEveryBadAnswer() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("3.5"), "goals", d("1.25"), "Power", d("2"), "power", d("2")),
                            null))
                    .expectException(invalidFields("answers.trust", "answers.goals", "answers.Power"))
                    .expectNoEvents();
        }

        @Test
        void refusesASubmissionWithoutAnswers() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of(), null))
                    .expectException(invalidFields("answers"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingAnswersObject() {
            fixture.givenNoPriorActivity()
                    .when(submit(null, null))
                    .expectException(invalidFields("answers"))
                    .expectNoEvents();
        }

        @Test
        void refusesACommentOnADimensionTheFrameworkDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), Map.of("leadership", "text")))
                    .expectException(invalidFields("comments.leadership"))
                    .expectNoEvents();
        }

        @Test
        void refusesACommentLongerThan4000Characters() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), Map.of("trust", "c".repeat(4001))))
                    .expectException(invalidFields("comments.trust"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"sa 1", "sa/1"})
        void refusesAnIdThatIsNotAnIdentifier(String id) {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(id, STUDY, AREA, WAVE, RESPONDENT, Map.of("trust", d("2")), null))
                    .expectException(invalidFields("id"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void refusesAMissingAreaAndWave(String blank) {
            fixture.givenNoPriorActivity()
                    .when(submitTo(blank, blank))
                    .expectException(invalidFields("areaId", "waveId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingRespondent() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, STUDY, AREA, WAVE, null, Map.of("trust", d("2")), null))
                    .expectException(invalidFields("respondent"))
                    .expectNoEvents();
        }

        @Test
        void namesEachBadRespondentAttribute() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, STUDY, AREA, WAVE, new Participant("p".repeat(101), null,
                            "Leadership"), Map.of("trust", d("2")), null))
                    .expectException(invalidFields("respondent.pseudonym", "respondent.organisationType",
                            "respondent.actorLevel"))
                    .expectNoEvents();
        }

        @Test
        void namesEveryBadFieldAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment("sa 1", STUDY, "", null, new Participant("", "x", "y"),
                            Map.of("trust", d("3.5"), "unknown", d("1")), Map.of("other", "c")))
                    .expectException(invalidFields("id", "areaId", "waveId", "respondent.pseudonym",
                            "respondent.organisationType", "respondent.actorLevel", "answers.trust",
                            "answers.unknown", "comments.other"))
                    .expectNoEvents();
        }

        @Test
        void refusesASubmissionToAStudyThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, "ghost", AREA, WAVE, RESPONDENT, Map.of("trust", d("2")),
                            null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnAreaTheStudyDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(submitTo("lapland-transport", WAVE))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWaveTheStudyDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(submitTo(AREA, "w2030"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnswersToAClosedWave() {
            fixture.givenNoPriorActivity()
                    .when(submitTo(AREA, CLOSED_WAVE))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAnswersToAReopenedWave() {
            world.reopenWave(STUDY, CLOSED_WAVE);

            fixture.givenNoPriorActivity()
                    .when(submitTo(AREA, CLOSED_WAVE))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class,
                            e -> assertThat(e.waveId()).isEqualTo(CLOSED_WAVE)));
        }

        @Test
        void createsNoKeyForTheRespondentOfARefusedSubmission() {
            fixture.givenNoPriorActivity()
                    .when(submitTo(AREA, CLOSED_WAVE))
                    .expectException(ConflictException.class);

            assertThat(world.keys.participantOf(STUDY, PSEUDONYM)).isEmpty();
        }
    }

    /** A workshop group is one respondent and says so; a person is the default. */
    @Nested
    class RespondentKinds {

        private SubmitSelfAssessment submitAs(RespondentKind kind) {
            return new SubmitSelfAssessment(ID, STUDY, AREA, WAVE, RESPONDENT, kind, Map.of("trust", d("2.0")), null,
                    null);
        }

        private RespondentDetails opened(SelfAssessmentSubmitted e) {
            return world.sealer.open(e.respondentDetails(), RespondentDetails.class).orElseThrow();
        }

        @Test
        void sealsAGroupWithItsSizeAmongTheRespondentsDetails() {
            fixture.givenNoPriorActivity()
                    .when(submitAs(new RespondentKind("group", 7)))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        assertThat(opened(e).kind()).isEqualTo("group");
                        assertThat(opened(e).groupSize()).isEqualTo(7);
                        assertThat(opened(e).pseudonym()).isEqualTo(PSEUDONYM);
                        assertThat(e.toString()).doesNotContain("group");
                    }));
        }

        @Test
        void takesARespondentWhoseKindIsNotGivenForAPerson() {
            fixture.givenNoPriorActivity()
                    .when(submitAs(null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        assertThat(opened(e).kind()).isEqualTo("person");
                        assertThat(opened(e).groupSize()).isNull();
                    }));
        }

        @Test
        void acceptsTheLargestGroup() {
            fixture.givenNoPriorActivity()
                    .when(submitAs(new RespondentKind("group", RespondentKind.MAX_GROUP_SIZE)))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class,
                            e -> assertThat(opened(e).groupSize()).isEqualTo(500)));
        }

        @Test
        void refusesAGroupWithoutItsSize() {
            fixture.givenNoPriorActivity()
                    .when(submitAs(new RespondentKind("group", null)))
                    .expectException(invalidFields("respondent.groupSize"))
                    .expectNoEvents();
            assertThat(world.keys.participantOf(STUDY, PSEUDONYM)).isEmpty();
        }

        @Test
        void refusesAPersonWithAGroupSize() {
            fixture.givenNoPriorActivity()
                    .when(submitAs(new RespondentKind("person", 3)))
                    .expectException(invalidFields("respondent.groupSize"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 1, 501})
        void refusesAGroupSizeOutsideTwoTo500(int size) {
            fixture.givenNoPriorActivity()
                    .when(submitAs(new RespondentKind("group", size)))
                    .expectException(invalidFields("respondent.groupSize"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"team", "Group", ""})
        void refusesAKindThatIsNotPersonOrGroup(String kind) {
            fixture.givenNoPriorActivity()
                    .when(submitAs(new RespondentKind(kind, 4)))
                    .expectException(invalidFields("respondent.kind"))
                    .expectNoEvents();
        }

        @Test
        void readsDetailsSealedBeforeTheKindExistedAsAPerson() {
            Map<String, Object> old = new LinkedHashMap<>();
            old.put("pseudonym", PSEUDONYM);
            old.put("organisationType", "municipality");
            old.put("actorLevel", "leadership");
            old.put("comments", Map.of("trust", "Luotamme."));
            Sealed sealed = world.sealer.seal(STUDY, PSEUDONYM, old);

            RespondentDetails details = world.sealer.open(sealed, RespondentDetails.class).orElseThrow();

            assertThat(details.kind()).isEqualTo("person");
            assertThat(details.groupSize()).isNull();
            assertThat(details.comments()).containsExactly(entry("trust", "Luotamme."));
        }
    }

    @Nested
    class OneAnswerPerRespondentAreaAndWave {

        private static final String EARLIER = "sa-000";

        private String participant(String pseudonym) {
            return world.sealer.participantOf(STUDY, pseudonym);
        }

        private String slot(String pseudonym) {
            return RecordIds.respondentSlot(STUDY, AREA, WAVE, participant(pseudonym));
        }

        /** An earlier answer by the respondent, recorded in the world as a submission would have left it. */
        private void answeredEarlier(String pseudonym) {
            Sealed details = world.sealer.seal(STUDY, pseudonym,
                    new RespondentDetails(pseudonym, "wellbeing_services_county", "leadership", Map.of()));
            world.append("SelfAssessment", RecordIds.selfAssessment(STUDY, EARLIER), new SelfAssessmentSubmitted(
                    EARLIER, STUDY, AREA, WAVE, details.participant(), details, Map.of("trust", d("1.0"))));
            world.append("RespondentSlot", slot(pseudonym),
                    new RespondentSlotTaken(STUDY, AREA, WAVE, details.participant(), EARLIER, null));
        }

        @Test
        void givesAFirstAnswerTheRespondentsSlot() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> { }));

            assertThat(world.eventsOf(slot(PSEUDONYM))).containsExactly(
                    new RespondentSlotTaken(STUDY, AREA, WAVE, participant(PSEUDONYM), ID, null));
        }

        @Test
        void refusesASecondAnswerByTheSameRespondentForTheAreaAndWave() {
            answeredEarlier(PSEUDONYM);

            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null))
                    .expectException(DuplicateAnswerException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(EARLIER))
                    .expectNoEvents();
            assertThat(world.eventsOf(slot(PSEUDONYM))).hasSize(1);
        }

        @Test
        void takesTheDecomposedAndTheComposedPseudonymForOnePerson() {
            answeredEarlier("\u00C4ij\u00E4-7");

            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, STUDY, AREA, WAVE,
                            new Participant(" A\u0308ija\u0308-7\u00A0", "wellbeing_services_county", "leadership"),
                            Map.of("trust", d("2")), null))
                    .expectException(DuplicateAnswerException.class)
                    .expectNoEvents();
        }

        @Test
        void sealsTheRespondentUnderTheComposedPseudonym() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, STUDY, AREA, WAVE,
                            new Participant("A\u0308ija\u0308-7", "wellbeing_services_county", "leadership"),
                            Map.of("trust", d("2")), null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> {
                        assertThat(e.respondent()).isEqualTo(participant("\u00C4ij\u00E4-7"));
                        assertThat(world.sealer.open(e.respondentDetails(), RespondentDetails.class).orElseThrow()
                                .pseudonym()).isEqualTo("\u00C4ij\u00E4-7");
                    }));
        }

        @Test
        void refusesAPseudonymOfOnlyInvisibleSpaces() {
            fixture.givenNoPriorActivity()
                    .when(new SubmitSelfAssessment(ID, STUDY, AREA, WAVE,
                            new Participant("\u00A0\u200B\t", "wellbeing_services_county", "leadership"),
                            Map.of("trust", d("2")), null))
                    .expectException(invalidFields("respondent.pseudonym"))
                    .expectNoEvents();
        }

        @Test
        void acceptsTheSameRespondentInAnotherWave() {
            answeredEarlier(PSEUDONYM);
            world.wave(STUDY, "w2025");

            fixture.givenNoPriorActivity()
                    .when(submitTo(AREA, "w2025"))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class, e -> { }));
        }

        @Test
        void replacesTheRecordedAnswerWhenTheSubmissionSaysSo() {
            answeredEarlier(PSEUDONYM);

            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null).replacing(EARLIER))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class,
                            e -> assertThat(e.selfAssessmentId()).isEqualTo(ID)));

            assertThat(world.eventsOf(RecordIds.selfAssessment(STUDY, EARLIER))).last().isEqualTo(
                    new SelfAssessmentWithdrawn(EARLIER, STUDY, AREA, WAVE, "replaced by self-assessment " + ID));
            assertThat(world.eventsOf(slot(PSEUDONYM))).last().isEqualTo(
                    new RespondentSlotTaken(STUDY, AREA, WAVE, participant(PSEUDONYM), ID, EARLIER));
        }

        @Test
        void refusesToReplaceAnotherRespondentsAnswer() {
            answeredEarlier("R-999");

            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null).replacing(EARLIER))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
            assertThat(world.eventsOf(RecordIds.selfAssessment(STUDY, EARLIER))).hasSize(1);
        }

        @Test
        void refusesToReplaceAnAnswerThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null).replacing("sa-ghost"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAReplacesThatIsNotAnIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(submit(Map.of("trust", d("2")), null).replacing(" "))
                    .expectException(invalidFields("replaces"))
                    .expectNoEvents();
        }

        @Test
        void freesTheSlotWhenTheAnswerIsWithdrawnSoThatTheRespondentMayAnswerAgain() {
            world.append("RespondentSlot", slot(PSEUDONYM),
                    new RespondentSlotTaken(STUDY, AREA, WAVE, participant(PSEUDONYM), ID, null));

            fixture.given(submitted())
                    .when(new WithdrawSelfAssessment(ID, STUDY, "answered for the wrong area"))
                    .expectEvents(new SelfAssessmentWithdrawn(ID, STUDY, AREA, WAVE, "answered for the wrong area"));
            assertThat(world.eventsOf(slot(PSEUDONYM))).last().isEqualTo(
                    new RespondentSlotFreed(STUDY, AREA, WAVE, participant(PSEUDONYM), ID));

            world.fixture(SelfAssessment.class).givenNoPriorActivity()
                    .when(new SubmitSelfAssessment("sa-002", STUDY, AREA, WAVE, RESPONDENT, Map.of("trust", d("3")),
                            null))
                    .expectEventsMatching(onlyEvent(SelfAssessmentSubmitted.class,
                            e -> assertThat(e.selfAssessmentId()).isEqualTo("sa-002")));
        }
    }

    @Nested
    class WithdrawSelfAssessmentCommand {

        @Test
        void withdrawsASelfAssessmentWithTheStrippedReason() {
            fixture.given(submitted())
                    .when(new WithdrawSelfAssessment(ID, STUDY, "  duplicate of sa-000 "))
                    .expectEvents(new SelfAssessmentWithdrawn(ID, STUDY, AREA, WAVE, "duplicate of sa-000"));
        }

        @Test
        void refusesAWithdrawalAddressedToAnotherStudy() {
            // the same id in another study is another record: routed elsewhere, never to this one (over HTTP: 404)
            assertThat(new WithdrawSelfAssessment(ID, "national", "reason").selfAssessmentAggregateId())
                    .isNotEqualTo(RecordIds.selfAssessment(STUDY, ID))
                    .isEqualTo(RecordIds.selfAssessment("national", ID));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesABlankReason(String reason) {
            fixture.given(submitted())
                    .when(new WithdrawSelfAssessment(ID, STUDY, reason))
                    .expectException(invalidFields("reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReasonLongerThan2000Characters() {
            fixture.given(submitted())
                    .when(new WithdrawSelfAssessment(ID, STUDY, "r".repeat(2001)))
                    .expectException(invalidFields("reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesASelfAssessmentThatIsAlreadyWithdrawn() {
            fixture.given(submitted(), new SelfAssessmentWithdrawn(ID, STUDY, AREA, WAVE, "first"))
                    .when(new WithdrawSelfAssessment(ID, STUDY, "again"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWithdrawalInAClosedWave() {
            world.closeWave(STUDY, WAVE);

            fixture.given(submitted())
                    .when(new WithdrawSelfAssessment(ID, STUDY, "reason"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesASelfAssessmentThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new WithdrawSelfAssessment("ghost", STUDY, "reason"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
