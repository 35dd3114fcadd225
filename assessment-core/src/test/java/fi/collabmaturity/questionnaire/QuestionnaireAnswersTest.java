package fi.collabmaturity.questionnaire;

import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessment;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.selfassessment.SelfAssessmentWithdrawn;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static fi.collabmaturity.questionnaire.QuestionnaireTest.AREA;
import static fi.collabmaturity.questionnaire.QuestionnaireTest.ID;
import static fi.collabmaturity.questionnaire.QuestionnaireTest.NOTICE;
import static fi.collabmaturity.questionnaire.QuestionnaireTest.STUDY;
import static fi.collabmaturity.questionnaire.QuestionnaireTest.WAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The submission and withdrawal handler over real event-sourced repositories of one event store, each command in
 * a unit of work of its own, as the command bus runs them.
 */
class QuestionnaireAnswersTest {

    private static final String QUESTIONNAIRE = RecordIds.questionnaire(STUDY, ID);
    private static final String VERSION = QuestionnaireTokens.noticeVersion(NOTICE);
    private static final String INVITATION = QuestionnaireTokens.hash("invitation");
    private static final String OPEN_LINK = QuestionnaireTokens.hash("open");

    private TestWorld world;
    private QuestionnaireAnswers answers;
    private Clock clock = QuestionnaireTest.CLOCK;
    private int codes;

    @BeforeEach
    void setUp() {
        world = new TestWorld().study(STUDY).wave(STUDY, WAVE).area(STUDY, AREA)
                .area(STUDY, QuestionnaireTest.OTHER_AREA);
        answers = handler();
    }

    /** How many times a participant key was asked for (and created, if new) through {@link #handler()}. */
    private final java.util.concurrent.atomic.AtomicInteger keysObtained = new java.util.concurrent.atomic.AtomicInteger();

    private QuestionnaireAnswers handler() {
        fi.collabmaturity.privacy.ParticipantKeyStore counting = new fi.collabmaturity.privacy.ParticipantKeyStore() {
            @Override
            public fi.collabmaturity.privacy.ParticipantKey obtain(String studyId, String pseudonym) {
                keysObtained.incrementAndGet();
                return world.keys.obtain(studyId, pseudonym);
            }

            @Override
            public java.util.Optional<fi.collabmaturity.privacy.ParticipantKey> find(String participant) {
                return world.keys.find(participant);
            }

            @Override
            public java.util.Optional<String> participantOf(String studyId, String pseudonym) {
                return world.keys.participantOf(studyId, pseudonym);
            }

            @Override
            public boolean destroy(String participant) {
                return world.keys.destroy(participant);
            }
        };
        return handler(new fi.collabmaturity.privacy.PersonalDataSealer(counting));
    }

    private QuestionnaireAnswers handler(fi.collabmaturity.privacy.PersonalDataSealer sealer) {
        Repository<Questionnaire> questionnaires = EventSourcingRepository.builder(Questionnaire.class)
                .eventStore(world.eventStore).build();
        Repository<SelfAssessment> selfAssessments = EventSourcingRepository.builder(SelfAssessment.class)
                .eventStore(world.eventStore).build();
        return new QuestionnaireAnswers(questionnaires, selfAssessments, world.directory, world.frameworks,
                sealer, world.slots, clock);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private void invited() {
        world.append("Questionnaire", QUESTIONNAIRE, QuestionnaireTest.opened(Questionnaire.INVITED, null),
                new InvitationsIssued(ID, STUDY, List.of(INVITATION)));
    }

    private void openLink() {
        world.append("Questionnaire", QUESTIONNAIRE, QuestionnaireTest.opened(Questionnaire.OPEN, OPEN_LINK));
    }

    private static <T> T inUnitOfWork(Callable<T> work) throws Exception {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        var result = uow.executeWithResult(work);
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
        return result.getPayload();
    }

    private SubmitQuestionnaireAnswer answer(String link, String selfAssessmentId) {
        return answer(link, selfAssessmentId, true, VERSION, AREA, Map.of("trust", new BigDecimal("2.5")),
                "municipality");
    }

    private SubmitQuestionnaireAnswer answer(String link, String selfAssessmentId, boolean consent, String version,
                                             String areaId, Map<String, BigDecimal> given, String organisationType) {
        return new SubmitQuestionnaireAnswer(STUDY, ID, link, selfAssessmentId,
                QuestionnaireTokens.hash("code-" + codes++), consent, version, "fi", areaId, given,
                Map.of("trust", "we meet often"), organisationType, null);
    }

    private QuestionnaireReceipt submit(SubmitQuestionnaireAnswer command) throws Exception {
        return inUnitOfWork(() -> answers.handle(command));
    }

    @Test
    void storesConsentAnswerAndSelfAssessmentTogether() throws Exception {
        openLink();
        QuestionnaireReceipt receipt = submit(answer(OPEN_LINK, "sa1"));
        assertThat(receipt).isEqualTo(new QuestionnaireReceipt("sa1", null));
        List<Object> questionnaire = world.eventsOf(QUESTIONNAIRE);
        ConsentGiven consent = (ConsentGiven) questionnaire.get(1);
        QuestionnaireAnswered answered = (QuestionnaireAnswered) questionnaire.get(2);
        assertThat(answered.selfAssessmentId()).isEqualTo("sa1");
        assertThat(answered.invitationHash()).isNull();
        assertThat(answered.waveId()).isEqualTo(WAVE);
        SelfAssessmentSubmitted submitted = (SelfAssessmentSubmitted) world
                .eventsOf(RecordIds.selfAssessment(STUDY, "sa1")).get(0);
        assertThat(submitted.respondent()).isEqualTo(consent.participant());
        assertThat(submitted.answers()).containsEntry("trust", new BigDecimal("2.5"));
        ConsentDetails details = world.sealer.open(consent.consent(), ConsentDetails.class).orElseThrow();
        assertThat(details.noticeVersion()).isEqualTo(VERSION);
        assertThat(details.language()).isEqualTo("fi");
        RespondentDetails respondent = world.sealer.open(submitted.respondentDetails(), RespondentDetails.class)
                .orElseThrow();
        assertThat(respondent.pseudonym()).startsWith("q-").isEqualTo(details.pseudonym());
        assertThat(respondent.organisationType()).isEqualTo("municipality");
        assertThat(respondent.actorLevel()).isNull();
        assertThat(respondent.comments()).containsEntry("trust", "we meet often");
        // the consent says nothing readable without the key
        assertThat(consent.consent().ciphertext()).doesNotContain(VERSION);
    }

    @Test
    void eachAnswerOnTheOpenLinkIsItsOwnParticipant() throws Exception {
        openLink();
        submit(answer(OPEN_LINK, "sa1"));
        submit(answer(OPEN_LINK, "sa2"));
        Object first = ((SelfAssessmentSubmitted) world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1")).get(0))
                .respondent();
        Object second = ((SelfAssessmentSubmitted) world.eventsOf(RecordIds.selfAssessment(STUDY, "sa2")).get(0))
                .respondent();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anInvitationsSecondAnswerReplacesTheFirstAsTheSameParticipant() throws Exception {
        invited();
        submit(answer(INVITATION, "sa1"));
        QuestionnaireReceipt second = submit(answer(INVITATION, "sa2"));
        assertThat(second.replaced()).isEqualTo("sa1");
        SelfAssessmentSubmitted first = (SelfAssessmentSubmitted) world
                .eventsOf(RecordIds.selfAssessment(STUDY, "sa1")).get(0);
        List<Object> firstStream = world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1"));
        assertThat(firstStream.get(1)).isInstanceOfSatisfying(SelfAssessmentWithdrawn.class,
                w -> assertThat(w.reason()).isEqualTo(SelfAssessment.REPLACED_BY + "sa2"));
        SelfAssessmentSubmitted replacement = (SelfAssessmentSubmitted) world
                .eventsOf(RecordIds.selfAssessment(STUDY, "sa2")).get(0);
        assertThat(replacement.respondent()).isEqualTo(first.respondent());
        QuestionnaireAnswered answered = (QuestionnaireAnswered) world.eventsOf(QUESTIONNAIRE).get(5);
        assertThat(answered.replaces()).isEqualTo("sa1");
        assertThat(answered.invitationHash()).isEqualTo(INVITATION);
    }

    @Test
    void anInvitationWhoseAnswerAResearcherWithdrewAnswersAnewAsTheSameParticipant() throws Exception {
        invited();
        submit(answer(INVITATION, "sa1"));
        inUnitOfWork(() -> {
            EventSourcingRepository.builder(SelfAssessment.class).eventStore(world.eventStore).build()
                    .load(RecordIds.selfAssessment(STUDY, "sa1"))
                    .execute(a -> a.handle(new fi.collabmaturity.selfassessment.WithdrawSelfAssessment("sa1", STUDY,
                            "entered by mistake"), world.directory, world.slots));
            return null;
        });
        QuestionnaireReceipt again = submit(answer(INVITATION, "sa2"));
        assertThat(again.replaced()).isNull();
        Object first = ((SelfAssessmentSubmitted) world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1")).get(0))
                .respondent();
        Object second = ((SelfAssessmentSubmitted) world.eventsOf(RecordIds.selfAssessment(STUDY, "sa2")).get(0))
                .respondent();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSameFormSentTwiceIsReceivedOnceAndAppendsNothingTheSecondTime() throws Exception {
        openLink();
        submit(answer(OPEN_LINK, "sa1"));
        var head = world.eventStore.createHeadToken();
        // the browser re-posts the same form: the same submission id, another withdrawal code
        assertRefused(answer(OPEN_LINK, "sa1"), QuestionnaireRefusedException.ALREADY_RECEIVED);
        assertThat(world.eventStore.createHeadToken()).isEqualTo(head);
        assertThat(world.eventsOf(QUESTIONNAIRE)).hasSize(3);
        assertThat(world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1"))).hasSize(1);
        // still recognised once the questionnaire has closed: it was received while it was open
        world.append("Questionnaire", QUESTIONNAIRE, new QuestionnaireClosed(ID, STUDY));
        head = world.eventStore.createHeadToken();
        assertRefused(answer(OPEN_LINK, "sa1"), QuestionnaireRefusedException.ALREADY_RECEIVED);
        assertThat(world.eventStore.createHeadToken()).isEqualTo(head);
    }

    @Test
    void anInvitationsResentFormIsNoReplacement() throws Exception {
        invited();
        submit(answer(INVITATION, "sa1"));
        var head = world.eventStore.createHeadToken();
        assertRefused(answer(INVITATION, "sa1"), QuestionnaireRefusedException.ALREADY_RECEIVED);
        assertThat(world.eventStore.createHeadToken()).isEqualTo(head);
        assertThat(world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1"))).hasSize(1);
        // a new form (a new submission id) through the same invitation still replaces the answer
        assertThat(submit(answer(INVITATION, "sa2")).replaced()).isEqualTo("sa1");
    }

    @Test
    void anInvitationCarryingAPseudonymAnswersAsThatParticipantAndItsReplacementToo() throws Exception {
        String panelist = world.sealer.participantOf(STUDY, "R-17"); // known from an earlier wave
        world.append("Questionnaire", QUESTIONNAIRE, QuestionnaireTest.opened(Questionnaire.INVITED, null),
                new InvitationsIssued(ID, STUDY, List.of(INVITATION),
                        Map.of(INVITATION, world.sealer.seal(STUDY, "R-17", new InvitedPseudonym("R-17")))));
        submit(answer(INVITATION, "sa1"));
        submit(answer(INVITATION, "sa2"));
        for (String id : List.of("sa1", "sa2")) {
            SelfAssessmentSubmitted submitted = (SelfAssessmentSubmitted) world
                    .eventsOf(RecordIds.selfAssessment(STUDY, id)).get(0);
            assertThat(submitted.respondent()).isEqualTo(panelist);
            assertThat(world.sealer.open(submitted.respondentDetails(), RespondentDetails.class).orElseThrow()
                    .pseudonym()).isEqualTo("R-17");
        }
        ConsentGiven consent = (ConsentGiven) world.eventsOf(QUESTIONNAIRE).get(2);
        assertThat(consent.participant()).isEqualTo(panelist);
    }

    @Test
    void anInvitedPseudonymWithAnAnswerOfTheAreaAndWaveAlreadyIsRefused() throws Exception {
        // typed in through the API, by the self-assessment rules (which claim the respondent's slot)
        inUnitOfWork(() -> EventSourcingRepository.builder(SelfAssessment.class).eventStore(world.eventStore).build()
                .newInstance(() -> new SelfAssessment(new fi.collabmaturity.selfassessment.SubmitSelfAssessment(
                        "typed-in", STUDY, AREA, WAVE, new fi.collabmaturity.participant.Participant("R-17", "ngo",
                        "operations"), fi.collabmaturity.selfassessment.RespondentKind.ONE_PERSON,
                        Map.of("trust", BigDecimal.ONE), Map.of(), null), world.directory, world.frameworks,
                        world.sealer, world.slots)));
        world.append("Questionnaire", QUESTIONNAIRE, QuestionnaireTest.opened(Questionnaire.INVITED, null),
                new InvitationsIssued(ID, STUDY, List.of(INVITATION),
                        Map.of(INVITATION, world.sealer.seal(STUDY, "R-17", new InvitedPseudonym("R-17")))));
        var head = world.eventStore.createHeadToken();
        assertRefused(answer(INVITATION, "sa1"), QuestionnaireRefusedException.ALREADY_ANSWERED);
        assertThat(world.eventStore.createHeadToken()).isEqualTo(head);
        // the other area of the questionnaire is still open to them
        submit(answer(INVITATION, "sa2", true, VERSION, QuestionnaireTest.OTHER_AREA,
                Map.of("trust", BigDecimal.ONE), "ngo"));
    }

    @Test
    void anInvitationWhosePseudonymWasErasedTakesNoAnswer() throws Exception {
        String panelist = world.sealer.participantOf(STUDY, "R-17");
        world.append("Questionnaire", QUESTIONNAIRE, QuestionnaireTest.opened(Questionnaire.INVITED, null),
                new InvitationsIssued(ID, STUDY, List.of(INVITATION),
                        Map.of(INVITATION, world.sealer.seal(STUDY, "R-17", new InvitedPseudonym("R-17")))));
        world.keys.destroy(panelist);
        var head = world.eventStore.createHeadToken();
        assertRefused(answer(INVITATION, "sa1"), QuestionnaireRefusedException.USED_INVITATION);
        assertThat(world.eventStore.createHeadToken()).isEqualTo(head);
        assertThat(world.sealer.knownParticipant(STUDY, "R-17")).as("no new key, no new participant").isEmpty();
    }

    @Test
    void refusesWithoutConsentAndStoresNothing() throws Exception {
        openLink();
        assertRefused(answer(OPEN_LINK, "sa1", false, VERSION, AREA, Map.of("trust", BigDecimal.ONE), null),
                QuestionnaireRefusedException.NO_CONSENT);
        assertThat(world.eventsOf(QUESTIONNAIRE)).hasSize(1);
        assertThat(world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1"))).isEmpty();
        assertThat(keysObtained).as("not even a key for the respondent").hasValue(0);
        submit(answer(OPEN_LINK, "sa1"));
        assertThat(keysObtained.get()).as("the counting store is the one the answers use").isPositive();
    }

    @Test
    void refusesAStaleNoticeAnUnknownLinkAndAClosedQuestionnaire() throws Exception {
        openLink();
        assertRefused(answer(OPEN_LINK, "sa1", true, "0123456789abcdef", AREA, Map.of("trust", BigDecimal.ONE),
                null), QuestionnaireRefusedException.STALE_NOTICE);
        assertRefused(answer(QuestionnaireTokens.hash("guess"), "sa1"), QuestionnaireRefusedException.UNKNOWN_LINK);
        assertRefused(new SubmitQuestionnaireAnswer(STUDY, "other", OPEN_LINK, "sa1", QuestionnaireTokens.hash("c"),
                true, VERSION, "fi", AREA, Map.of("trust", BigDecimal.ONE), Map.of(), null, null),
                QuestionnaireRefusedException.UNKNOWN_LINK);
        world.append("Questionnaire", QUESTIONNAIRE, new QuestionnaireClosed(ID, STUDY));
        assertRefused(answer(OPEN_LINK, "sa1"), QuestionnaireRefusedException.CLOSED);
        assertThat(world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1"))).isEmpty();
    }

    @Test
    void isClosedWhenItsWaveClosesOrItsClosingDatePasses() throws Exception {
        world.append("Questionnaire", QUESTIONNAIRE, new QuestionnaireOpened(ID, STUDY, List.of(AREA), WAVE,
                List.of("fi"), Questionnaire.OPEN, LocalDate.of(2024, 6, 1), Map.of(), NOTICE, VERSION, true, true,
                true, OPEN_LINK));
        submit(answer(OPEN_LINK, "sa1")); // on its closing day it still takes answers
        clock = Clock.fixed(Instant.parse("2024-06-01T21:30:00Z"), Questionnaire.HELSINKI); // 00:30 in Helsinki
        answers = handler();
        assertRefused(answer(OPEN_LINK, "sa2"), QuestionnaireRefusedException.CLOSED);
        clock = QuestionnaireTest.CLOCK;
        answers = handler();
        world.closeWave(STUDY, WAVE);
        assertRefused(answer(OPEN_LINK, "sa3"), QuestionnaireRefusedException.CLOSED);
    }

    @Test
    void strictInputNamesTheFieldsAsTheFormSentThem() {
        world.append("Questionnaire", QUESTIONNAIRE, new QuestionnaireOpened(ID, STUDY, List.of(AREA), WAVE,
                List.of("fi"), Questionnaire.OPEN, null, Map.of(), NOTICE, VERSION, false, true, false, OPEN_LINK));
        SubmitQuestionnaireAnswer bad = new SubmitQuestionnaireAnswer(STUDY, ID, OPEN_LINK, "sa1",
                QuestionnaireTokens.hash("c"), true, VERSION, "sv", QuestionnaireTest.OTHER_AREA,
                Map.of("trust", new BigDecimal("9")), Map.of("trust", "no comments asked"), "nobody", "leadership");
        assertThatThrownBy(() -> submit(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("language", "areaId", "comments", "actorLevel"));
        SubmitQuestionnaireAnswer offScale = new SubmitQuestionnaireAnswer(STUDY, ID, OPEN_LINK, "sa1",
                QuestionnaireTokens.hash("c"), true, VERSION, "fi", AREA,
                Map.of("trust", new BigDecimal("9"), "nonsense", BigDecimal.ONE), Map.of(), "nobody", null);
        assertThatThrownBy(() -> submit(offScale)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("answers.trust", "answers.nonsense", "organisationType"));
        assertThat(world.eventsOf(QUESTIONNAIRE)).hasSize(1);
        assertThat(keysObtained).as("refused before anything is sealed").hasValue(0);
    }

    @Test
    void withdrawsByCodeOnceAndTheInvitationIsThenUsed() throws Exception {
        invited();
        SubmitQuestionnaireAnswer first = answer(INVITATION, "sa1");
        submit(first);
        inUnitOfWork(() -> {
            answers.handle(new WithdrawQuestionnaireAnswer(STUDY, ID, first.withdrawalCodeHash()));
            return null;
        });
        List<Object> stream = world.eventsOf(RecordIds.selfAssessment(STUDY, "sa1"));
        assertThat(stream.get(1)).isInstanceOfSatisfying(SelfAssessmentWithdrawn.class,
                w -> assertThat(w.reason()).isEqualTo(QuestionnaireAnswers.WITHDRAWN_BY_RESPONDENT));
        assertThat(world.eventsOf(QUESTIONNAIRE)).last()
                .isEqualTo(new QuestionnaireAnswerWithdrawn(ID, STUDY, "sa1"));
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            answers.handle(new WithdrawQuestionnaireAnswer(STUDY, ID, first.withdrawalCodeHash()));
            return null;
        })).isInstanceOfSatisfying(QuestionnaireRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(QuestionnaireRefusedException.ALREADY_WITHDRAWN));
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            answers.handle(new WithdrawQuestionnaireAnswer(STUDY, ID, QuestionnaireTokens.hash("nope")));
            return null;
        })).isInstanceOfSatisfying(QuestionnaireRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(QuestionnaireRefusedException.UNKNOWN_CODE));
        assertRefused(answer(INVITATION, "sa2"), QuestionnaireRefusedException.USED_INVITATION);
    }

    @Test
    void aReplacedAnswersCodeNoLongerWithdraws() throws Exception {
        invited();
        SubmitQuestionnaireAnswer first = answer(INVITATION, "sa1");
        submit(first);
        submit(answer(INVITATION, "sa2"));
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            answers.handle(new WithdrawQuestionnaireAnswer(STUDY, ID, first.withdrawalCodeHash()));
            return null;
        })).isInstanceOfSatisfying(QuestionnaireRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(QuestionnaireRefusedException.ALREADY_WITHDRAWN));
    }

    @Test
    void anAnswerRefusedBySelfAssessmentRulesLeavesNoConsent() {
        openLink();
        // the id is already taken by another record: the self-assessment refuses, and the consent goes with it
        world.append("SelfAssessment", RecordIds.selfAssessment(STUDY, "taken"), takenAnswer());
        assertThatThrownBy(() -> submit(answer(OPEN_LINK, "taken")))
                .isInstanceOf(fi.collabmaturity.shared.ConflictException.class);
        assertThat(world.eventsOf(QUESTIONNAIRE)).hasSize(1);
    }

    private SelfAssessmentSubmitted takenAnswer() {
        Sealed details = world.sealer.seal(STUDY, "R-1", new RespondentDetails("R-1", "ngo", "operations", Map.of()));
        return new SelfAssessmentSubmitted("taken", STUDY, AREA, WAVE, details.participant(), details,
                Map.of("trust", BigDecimal.ONE));
    }

    private void assertRefused(SubmitQuestionnaireAnswer command, String reason) {
        assertThatThrownBy(() -> submit(command)).isInstanceOfSatisfying(QuestionnaireRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

}
