package fi.collabmaturity.interview;

import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.shared.PreconditionFailedException;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static fi.collabmaturity.testsupport.Expect.invalidFields;
import static fi.collabmaturity.testsupport.Expect.onlyEvent;
import static fi.collabmaturity.testsupport.Expect.satisfying;
import static org.assertj.core.api.Assertions.assertThat;

class InterviewTest {

    private static final String STUDY = "lapland";
    private static final String WAVE = "w2024";
    private static final String CLOSED_WAVE = "w2023";
    private static final String HYTE = "lapland-hyte";
    private static final String EMPLOYMENT = "lapland-employment";
    private static final String OTHER_AREA = "lapland-housing";
    private static final String INTERVIEW = "iv-07";
    private static final String PSEUDONYM = "INF-07";
    private static final LocalDate CONDUCTED_ON = LocalDate.of(2024, 3, 14);
    private static final Participant INFORMANT = new Participant(PSEUDONYM, "municipality", "coordination");

    private TestWorld world;
    private AggregateTestFixture<Interview> fixture;
    private String informant;
    private InterviewRecorded interviewRecorded;

    @BeforeEach
    void setUp() {
        world = new TestWorld().study(STUDY).wave(STUDY, WAVE).wave(STUDY, CLOSED_WAVE).closeWave(STUDY, CLOSED_WAVE)
                .area(STUDY, HYTE).area(STUDY, EMPLOYMENT).area(STUDY, OTHER_AREA);
        fixture = world.fixture(Interview.class);
        Sealed details = world.sealer.seal(STUDY, PSEUDONYM,
                new InformantDetails(PSEUDONYM, "municipality", "coordination"));
        informant = details.participant();
        interviewRecorded = new InterviewRecorded(INTERVIEW, STUDY, WAVE, CONDUCTED_ON, informant, details,
                List.of(HYTE, EMPLOYMENT), "researcher1");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private Sealed excerpt(String text) {
        return world.sealer.sealFor(informant, new Excerpt(text)).orElseThrow();
    }

    private String openExcerpt(Sealed sealed) {
        return world.sealer.open(sealed, Excerpt.class).orElseThrow().text();
    }

    private FindingRecorded finding(String findingId, String segmentId, String dimension, int stage, String coder) {
        return new FindingRecorded(INTERVIEW, STUDY, WAVE, findingId, segmentId, HYTE, dimension, stage,
                List.of("unclear responsibilities"), excerpt("Kukaan ei tiedä, kuka vetää."), coder);
    }

    private FindingRecorded finding() {
        return finding("f1", "seg-1", "trust", 1, "coder-a");
    }

    private static RecordFinding recordFinding(String findingId, String segmentId, String areaId, String dimension,
                                               Integer stage, List<String> codes, String excerpt, String coder) {
        return new RecordFinding(INTERVIEW, STUDY, findingId, segmentId, areaId, dimension, stage, codes, excerpt,
                coder);
    }

    private static RecordFinding recordFinding(String findingId, String segmentId, String dimension, String coder) {
        return recordFinding(findingId, segmentId, HYTE, dimension, 2, List.of("reactive"), null, coder);
    }

    private static RecodeFinding recode(Long expectedRevision, String areaId, String dimension, Integer stage) {
        return new RecodeFinding(INTERVIEW, STUDY, "f1", expectedRevision, areaId, dimension, stage,
                List.of("depends on individuals"), null);
    }

    private static RecordInterview recordInterview(String waveId, Participant informant, List<String> areaIds) {
        return new RecordInterview(INTERVIEW, STUDY, waveId, CONDUCTED_ON, informant, areaIds, "researcher1");
    }

    @Nested
    class RecordInterviewCommand {

        @Test
        void recordsTheInterviewWithTheInformantSealedUnderTheirParticipantReference() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview(INTERVIEW, STUDY, WAVE, CONDUCTED_ON,
                            new Participant("  INF-07 ", "municipality", "coordination"),
                            List.of(HYTE, EMPLOYMENT, HYTE), " researcher1 "))
                    .expectEventsMatching(onlyEvent(InterviewRecorded.class, e -> {
                        String participant = world.keys.participantOf(STUDY, PSEUDONYM).orElseThrow();
                        assertThat(e).usingRecursiveComparison().ignoringFields("informantDetails")
                                .isEqualTo(new InterviewRecorded(INTERVIEW, STUDY, WAVE, CONDUCTED_ON, participant,
                                        null, List.of(HYTE, EMPLOYMENT), "researcher1"));
                        assertThat(e.informantDetails().participant()).isEqualTo(participant);
                        assertThat(world.sealer.open(e.informantDetails(), InformantDetails.class)).contains(
                                new InformantDetails(PSEUDONYM, "municipality", "coordination"));
                    }));
        }

        @Test
        void recordsADecomposedPseudonymAsTheSameInformantAsTheComposedOne() {
            String composed = world.sealer.participantOf(STUDY, "\u00C4ij\u00E4-7");

            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, new Participant("A\u0308ija\u0308-7\u00A0", "ngo", "leadership"),
                            List.of(HYTE)))
                    .expectEventsMatching(onlyEvent(InterviewRecorded.class, e -> {
                        assertThat(e.informant()).isEqualTo(composed);
                        assertThat(world.sealer.open(e.informantDetails(), InformantDetails.class).orElseThrow()
                                .pseudonym()).isEqualTo("\u00C4ij\u00E4-7");
                    }));
        }

        @Test
        void refusesAPseudonymOfOnlyInvisibleSpaces() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, new Participant("\u00A0\u200B ", "ngo", "leadership"), List.of(HYTE)))
                    .expectException(invalidFields("informant.pseudonym"))
                    .expectNoEvents();
        }

        @Test
        void neverWritesTheInformantsAttributesInTheClear() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, new Participant("Pekka Virtanen", "ngo", "leadership"), List.of(HYTE)))
                    .expectEventsMatching(onlyEvent(InterviewRecorded.class, e -> {
                        assertThat(e.toString()).doesNotContain("Pekka Virtanen", "leadership");
                        assertThat(e.informantDetails().ciphertext()).doesNotContain("Pekka");
                    }));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void recordsABlankInterviewerAsNone(String interviewer) {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview(INTERVIEW, STUDY, WAVE, CONDUCTED_ON, INFORMANT, List.of(HYTE),
                            interviewer))
                    .expectEventsMatching(onlyEvent(InterviewRecorded.class,
                            e -> assertThat(e.interviewer()).isNull()));
        }

        @Test
        void acceptsAnInterviewInAReopenedWave() {
            world.reopenWave(STUDY, CLOSED_WAVE);

            fixture.givenNoPriorActivity()
                    .when(recordInterview(CLOSED_WAVE, INFORMANT, List.of(HYTE)))
                    .expectEventsMatching(onlyEvent(InterviewRecorded.class,
                            e -> assertThat(e.waveId()).isEqualTo(CLOSED_WAVE)));
        }

        @Test
        void refusesAnInterviewOfAStudyThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview(INTERVIEW, "ghost", WAVE, CONDUCTED_ON, INFORMANT, List.of(HYTE), null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"iv 07", "iv/07"})
        void refusesAnIdThatIsNotAnIdentifier(String id) {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview(id, STUDY, WAVE, CONDUCTED_ON, INFORMANT, List.of(HYTE), null))
                    .expectException(invalidFields("id"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void refusesAMissingWave(String waveId) {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(waveId, INFORMANT, List.of(HYTE)))
                    .expectException(invalidFields("waveId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingDate() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview(INTERVIEW, STUDY, WAVE, null, INFORMANT, List.of(HYTE), null))
                    .expectException(invalidFields("conductedOn"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnInterviewerLongerThan100Characters() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview(INTERVIEW, STUDY, WAVE, CONDUCTED_ON, INFORMANT, List.of(HYTE),
                            "i".repeat(101)))
                    .expectException(invalidFields("interviewer"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingInformant() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, null, List.of(HYTE)))
                    .expectException(invalidFields("informant"))
                    .expectNoEvents();
        }

        @Test
        void namesEachBadInformantAttribute() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, new Participant(" ", "university", "management"), List.of(HYTE)))
                    .expectException(invalidFields("informant.pseudonym", "informant.organisationType",
                            "informant.actorLevel"))
                    .expectNoEvents();
        }

        @Test
        void refusesAPseudonymLongerThan100Characters() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, new Participant("p".repeat(101), "municipality", "operations"),
                            List.of(HYTE)))
                    .expectException(invalidFields("informant.pseudonym"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnInterviewAboutNoArea() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, INFORMANT, List.of()))
                    .expectException(invalidFields("areaIds"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingAreaList() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, INFORMANT, null))
                    .expectException(invalidFields("areaIds"))
                    .expectNoEvents();
        }

        @Test
        void namesEachBlankAreaIdByItsIndex() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, INFORMANT, Arrays.asList(HYTE, " ", null)))
                    .expectException(invalidFields("areaIds[1]", "areaIds[2]"))
                    .expectNoEvents();
        }

        @Test
        void namesEveryBadFieldAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new RecordInterview("a b", STUDY, "", null, new Participant("", "x", "y"), List.of(),
                            "i".repeat(101)))
                    .expectException(invalidFields("id", "waveId", "conductedOn", "interviewer",
                            "informant.pseudonym", "informant.organisationType", "informant.actorLevel", "areaIds"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAreaTheStudyDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, INFORMANT, List.of(HYTE, "lapland-transport")))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnAreaOfAnotherStudy() {
            world.study("national").area("national", "national-hyte");

            fixture.givenNoPriorActivity()
                    .when(recordInterview(WAVE, INFORMANT, List.of("national-hyte")))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWaveTheStudyDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview("w2030", INFORMANT, List.of(HYTE)))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnInterviewInAClosedWave() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(CLOSED_WAVE, INFORMANT, List.of(HYTE)))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void createsNoKeyForTheInformantOfARefusedInterview() {
            fixture.givenNoPriorActivity()
                    .when(recordInterview(CLOSED_WAVE, new Participant("INF-99", "ngo", "operations"), List.of(HYTE)))
                    .expectException(ConflictException.class);

            assertThat(world.keys.participantOf(STUDY, "INF-99")).isEmpty();
        }
    }

    @Nested
    class RecordFindingCommand {

        @Test
        void recordsACodedSegmentWithTheExcerptSealedWithTheInformantsKey() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", " seg-1 ", HYTE, "goals", 2,
                            List.of(" resource gap", "unknown partners", "resource gap "), "  Meillä ei ole resursseja. ",
                            " coder-a "))
                    .expectResultMessagePayload("f1")
                    .expectEventsMatching(onlyEvent(FindingRecorded.class, e -> {
                        assertThat(e).usingRecursiveComparison().ignoringFields("excerpt")
                                .isEqualTo(new FindingRecorded(INTERVIEW, STUDY, WAVE, "f1", "seg-1", HYTE, "goals", 2,
                                        List.of("resource gap", "unknown partners"), null, "coder-a"));
                        assertThat(e.excerpt().participant()).isEqualTo(informant);
                        assertThat(e.excerpt().ciphertext()).doesNotContain("resursseja");
                        assertThat(openExcerpt(e.excerpt())).isEqualTo("Meillä ei ole resursseja.");
                    }));
        }

        @Test
        void recordsAFindingWithoutSegmentExcerptCodesOrCoder() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", " ", EMPLOYMENT, "commitment", 3, null, "  ", null))
                    .expectEvents(new FindingRecorded(INTERVIEW, STUDY, WAVE, "f1", null, EMPLOYMENT, "commitment",
                            3, List.of(), null, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void givesAFindingWithoutIdARandomUuidAndReturnsIt(String findingId) {
            fixture.given(interviewRecorded)
                    .when(recordFinding(findingId, null, "trust", null))
                    .expectResultMessagePayloadMatching(satisfying("a UUID",
                            id -> assertThat(UUID.fromString((String) id).version()).isEqualTo(4)))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(UUID.fromString(e.findingId())).isNotNull()));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void acceptsEveryStageOfTheFramework(int stage) {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "power", stage, List.of(), null, null))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(e.stage()).isEqualTo(stage)));
        }

        @Test
        void acceptsASecondCoderOnTheSameSegmentAndDimension() {
            fixture.given(interviewRecorded, finding())
                    .when(recordFinding("f2", "seg-1", "trust", "coder-b"))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class, e -> {
                        assertThat(e.segmentId()).isEqualTo("seg-1");
                        assertThat(e.coder()).isEqualTo("coder-b");
                    }));
        }

        @Test
        void acceptsTheSameCoderOnTheSameSegmentForAnotherDimension() {
            fixture.given(interviewRecorded, finding())
                    .when(recordFinding("f2", "seg-1", "goals", "coder-a"))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(e.dimension()).isEqualTo("goals")));
        }

        @Test
        void acceptsTheSameCoderAgainOnceTheirEarlierCodingWasWithdrawn() {
            fixture.given(interviewRecorded, finding(),
                            new FindingWithdrawn(INTERVIEW, STUDY, WAVE, "f1", HYTE, "trust", "miscoded"))
                    .when(recordFinding("f2", "seg-1", "trust", "coder-a"))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(e.findingId()).isEqualTo("f2")));
        }

        @Test
        void acceptsFindingsWithoutSegmentIdAsSeparateSegments() {
            fixture.given(interviewRecorded, finding("f1", null, "trust", 1, "coder-a"))
                    .when(recordFinding("f2", null, "trust", "coder-a"))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(e.segmentId()).isNull()));
        }

        @Test
        void acceptsAFindingInAReopenedWave() {
            world.closeWave(STUDY, WAVE).reopenWave(STUDY, WAVE);

            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, "trust", null))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(e.waveId()).isEqualTo(WAVE)));
        }

        @Test
        void refusesAFindingAddressedToTheInterviewInAnotherStudy() {
            // the same interview id in another study is another record: the command is routed elsewhere and
            // never reaches this interview (over HTTP: 404)
            assertThat(new RecordFinding(INTERVIEW, "national", "f1", null, HYTE, "trust", 2, List.of(), null,
                    null).interviewAggregateId()).isNotEqualTo(RecordIds.interview(STUDY, INTERVIEW))
                    .isEqualTo(RecordIds.interview("national", INTERVIEW));
        }

        @ParameterizedTest
        @ValueSource(strings = {"f 1", "f/1", "-f1"})
        void refusesAFindingIdThatIsNotAnIdentifier(String findingId) {
            fixture.given(interviewRecorded)
                    .when(recordFinding(findingId, null, "trust", null))
                    .expectException(invalidFields("id"))
                    .expectNoEvents();
        }

        @Test
        void refusesASegmentIdAndCoderLongerThan100Characters() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", "s".repeat(101), "trust", "c".repeat(101)))
                    .expectException(invalidFields("segmentId", "coder"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesAMissingArea(String areaId) {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, areaId, "trust", 2, List.of(), null, null))
                    .expectException(invalidFields("areaId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAreaTheInterviewDoesNotSpeakAboutEvenIfTheStudyHasIt() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, OTHER_AREA, "trust", 2, List.of(), null, null))
                    .expectException(invalidFields("areaId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"leadership", "Trust", "information sharing"})
        void refusesADimensionTheFrameworkDoesNotHave(String dimension) {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, dimension, 2, List.of(), null, null))
                    .expectException(invalidFields("dimension"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(ints = {0, 4, -1})
        void refusesAStageOutsideOneToThree(Integer stage) {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", stage, List.of(), null, null))
                    .expectException(invalidFields("stage"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExcerptLongerThan10000Characters() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2, List.of(), "x".repeat(10_001), null))
                    .expectException(invalidFields("excerpt"))
                    .expectNoEvents();
        }

        @Test
        void refusesMoreThan50Codes() {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                codes.add("code " + i);
            }
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2, codes, null, null))
                    .expectException(invalidFields("codes"))
                    .expectNoEvents();
        }

        @Test
        void recordsThemeCodesComposedAndTrimmedSoThatOneCodeIsOne() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2,
                            List.of("ty\u00F6llisyys", " tyo\u0308llisyys\u00A0", "reactive "), null, null))
                    .expectEventsMatching(onlyEvent(FindingRecorded.class,
                            e -> assertThat(e.codes()).containsExactly("ty\u00F6llisyys", "reactive")));
        }

        @Test
        void refusesACodeOfOnlyInvisibleSpaces() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2, List.of("reactive", "\u200B\u00A0"), null,
                            null))
                    .expectException(invalidFields("codes[1]"))
                    .expectNoEvents();
        }

        @Test
        void namesEachBlankOrOverlongCodeByItsIndex() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2,
                            Arrays.asList("reactive", " ", null, "c".repeat(101)), null, null))
                    .expectException(invalidFields("codes[1]", "codes[2]", "codes[3]"))
                    .expectNoEvents();
        }

        @Test
        void namesEveryBadFieldAtOnce() {
            fixture.given(interviewRecorded)
                    .when(recordFinding("f 1", null, OTHER_AREA, "leadership", 5, List.of(""), "x".repeat(10_001),
                            null))
                    .expectException(invalidFields("id", "areaId", "dimension", "stage", "excerpt", "codes[0]"))
                    .expectNoEvents();
        }

        @Test
        void refusesAFindingIdTheInterviewAlreadyHas() {
            fixture.given(interviewRecorded, finding())
                    .when(recordFinding("f1", "seg-2", "goals", "coder-b"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameCoderCodingTheSameSegmentOnTheSameDimensionTwice() {
            fixture.given(interviewRecorded, finding())
                    .when(recordFinding("f2", "seg-1", "trust", "coder-a"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnAnonymousCoderCodingTheSameSegmentOnTheSameDimensionTwice() {
            fixture.given(interviewRecorded, finding("f1", "seg-1", "trust", 1, null))
                    .when(recordFinding("f2", "seg-1", "trust", " "))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAFindingInAClosedWave() {
            world.closeWave(STUDY, WAVE);

            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, "trust", null))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnExcerptOnceTheInformantHasBeenErased() {
            world.keys.destroy(informant);

            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2, List.of(), "a quote", null))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAFindingWithoutExcerptAfterTheInformantWasErased() {
            world.keys.destroy(informant);

            fixture.given(interviewRecorded)
                    .when(recordFinding("f1", null, HYTE, "trust", 2, List.of(), null, null))
                    .expectEvents(new FindingRecorded(INTERVIEW, STUDY, WAVE, "f1", null, HYTE, "trust", 2,
                            List.of(), null, null));
        }
    }

    @Nested
    class RecodeFindingCommand {

        @Test
        void recodesAFindingKeepingItsExcerptAndReturnsTheNewRevision() {
            FindingRecorded recorded = finding();

            fixture.given(interviewRecorded, recorded)
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f1", 1L, HYTE, "goals", 2,
                            List.of(" reactive ", "reactive", "levels disconnected"), null))
                    .expectResultMessagePayload(2L)
                    .expectEvents(new FindingRecoded(INTERVIEW, STUDY, WAVE, "f1", HYTE, "goals", 2,
                            List.of("reactive", "levels disconnected"), recorded.excerpt(), 2L));
        }

        @Test
        void recodesWithThemeCodesComposedAndTrimmed() {
            fixture.given(interviewRecorded, finding())
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f1", null, null, "trust", 2,
                            List.of("tyo\u0308llisyys\u00A0", "ty\u00F6llisyys"), null))
                    .expectEventsMatching(onlyEvent(FindingRecoded.class,
                            e -> assertThat(e.codes()).containsExactly("ty\u00F6llisyys")));
        }

        @Test
        void recodesWithANewExcerptSealedWithTheInformantsKey() {
            fixture.given(interviewRecorded, finding())
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f1", null, null, "trust", 2, null, " Uusi lainaus "))
                    .expectEventsMatching(onlyEvent(FindingRecoded.class, e -> {
                        assertThat(e).usingRecursiveComparison().ignoringFields("excerpt")
                                .isEqualTo(new FindingRecoded(INTERVIEW, STUDY, WAVE, "f1", HYTE, "trust", 2,
                                        List.of(), null, 2L));
                        assertThat(e.excerpt().participant()).isEqualTo(informant);
                        assertThat(openExcerpt(e.excerpt())).isEqualTo("Uusi lainaus");
                    }));
        }

        @Test
        void countsRevisionsAcrossRecodings() {
            fixture.given(interviewRecorded, finding(), new FindingRecoded(INTERVIEW, STUDY, WAVE, "f1", HYTE,
                            "trust", 2, List.of(), null, 2L))
                    .when(recode(2L, HYTE, "trust", 3))
                    .expectResultMessagePayload(3L)
                    .expectEventsMatching(onlyEvent(FindingRecoded.class,
                            e -> assertThat(e.revision()).isEqualTo(3L)));
        }

        @Test
        void recodesWithoutRevisionCheckWhenNoneIsExpected() {
            fixture.given(interviewRecorded, finding())
                    .when(recode(null, HYTE, "trust", 3))
                    .expectEventsMatching(onlyEvent(FindingRecoded.class,
                            e -> assertThat(e.revision()).isEqualTo(2L)));
        }

        @Test
        void keepsTheAreaWhenTheRecodingOmitsIt() {
            fixture.given(interviewRecorded, finding())
                    .when(recode(1L, null, "trust", 3))
                    .expectEventsMatching(onlyEvent(FindingRecoded.class,
                            e -> assertThat(e.areaId()).isEqualTo(HYTE)));
        }

        @Test
        void refusesToMoveAFindingToAnotherAreaOfTheInterview() {
            fixture.given(interviewRecorded, finding())
                    .when(recode(1L, EMPLOYMENT, "trust", 3))
                    .expectException(invalidFields("areaId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStaleRevision() {
            fixture.given(interviewRecorded, finding(), new FindingRecoded(INTERVIEW, STUDY, WAVE, "f1", HYTE,
                            "trust", 2, List.of(), null, 2L))
                    .when(recode(1L, HYTE, "trust", 3))
                    .expectException(PreconditionFailedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARevisionFromTheFuture() {
            fixture.given(interviewRecorded, finding())
                    .when(recode(2L, HYTE, "trust", 3))
                    .expectException(PreconditionFailedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownFinding() {
            fixture.given(interviewRecorded, finding())
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f9", 1L, HYTE, "trust", 3, List.of(), null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARecodingAddressedToTheInterviewInAnotherStudy() {
            // the same interview id in another study is another record: the command is routed elsewhere and
            // never reaches this interview (over HTTP: 404)
            assertThat(new RecodeFinding(INTERVIEW, "national", "f1", 1L, HYTE, "trust", 3, List.of(), null).interviewAggregateId()).isNotEqualTo(RecordIds.interview(STUDY, INTERVIEW))
                    .isEqualTo(RecordIds.interview("national", INTERVIEW));
        }

        @Test
        void refusesAnUnknownDimensionAndAStageOutsideTheFramework() {
            fixture.given(interviewRecorded, finding())
                    .when(recode(1L, HYTE, "leadership", 4))
                    .expectException(invalidFields("dimension", "stage"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingStage() {
            fixture.given(interviewRecorded, finding())
                    .when(recode(1L, HYTE, "trust", null))
                    .expectException(invalidFields("stage"))
                    .expectNoEvents();
        }

        @Test
        void namesBadCodesAndAnOverlongExcerpt() {
            fixture.given(interviewRecorded, finding())
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f1", 1L, HYTE, "trust", 2, List.of(" ", "reactive"),
                            "x".repeat(10_001)))
                    .expectException(invalidFields("codes[0]", "excerpt"))
                    .expectNoEvents();
        }

        @Test
        void refusesANewExcerptOnceTheInformantHasBeenErased() {
            FindingRecorded recorded = finding();
            world.keys.destroy(informant);

            fixture.given(interviewRecorded, recorded)
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f1", 1L, HYTE, "trust", 2, List.of(), "a new quote"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWithdrawnFinding() {
            fixture.given(interviewRecorded, finding(),
                            new FindingWithdrawn(INTERVIEW, STUDY, WAVE, "f1", HYTE, "trust", "miscoded"))
                    .when(recode(1L, HYTE, "trust", 3))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARecodingInAClosedWave() {
            world.closeWave(STUDY, WAVE);

            fixture.given(interviewRecorded, finding())
                    .when(recode(1L, HYTE, "trust", 3))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARecodingThatMakesTheSameCoderCodeTheSameSegmentAndDimensionTwice() {
            fixture.given(interviewRecorded, finding("f1", "seg-1", "trust", 1, "coder-a"),
                            finding("f2", "seg-1", "goals", 2, "coder-a"))
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f2", 1L, HYTE, "trust", 2, List.of(), null))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsARecodingOntoADimensionAnotherCoderCodedForTheSameSegment() {
            fixture.given(interviewRecorded, finding("f1", "seg-1", "trust", 1, "coder-a"),
                            finding("f2", "seg-1", "goals", 2, "coder-b"))
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f2", 1L, HYTE, "trust", 2, List.of(), null))
                    .expectEventsMatching(onlyEvent(FindingRecoded.class,
                            e -> assertThat(e.dimension()).isEqualTo("trust")));
        }

        @Test
        void acceptsARecodingThatKeepsTheFindingsOwnSegmentAndDimension() {
            fixture.given(interviewRecorded, finding("f1", "seg-1", "trust", 1, "coder-a"))
                    .when(new RecodeFinding(INTERVIEW, STUDY, "f1", 1L, HYTE, "trust", 2, List.of(), null))
                    .expectEventsMatching(onlyEvent(FindingRecoded.class,
                            e -> assertThat(e.stage()).isEqualTo(2)));
        }
    }

    @Nested
    class WithdrawFindingCommand {

        @Test
        void withdrawsAFindingWithItsCurrentAreaAndDimension() {
            fixture.given(interviewRecorded, finding(), new FindingRecoded(INTERVIEW, STUDY, WAVE, "f1", HYTE,
                            "goals", 2, List.of(), null, 2L))
                    .when(new WithdrawFinding(INTERVIEW, STUDY, "f1", "  coded from the wrong transcript "))
                    .expectEvents(new FindingWithdrawn(INTERVIEW, STUDY, WAVE, "f1", HYTE, "goals",
                            "coded from the wrong transcript"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesABlankReason(String reason) {
            fixture.given(interviewRecorded, finding())
                    .when(new WithdrawFinding(INTERVIEW, STUDY, "f1", reason))
                    .expectException(invalidFields("reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReasonLongerThan2000Characters() {
            fixture.given(interviewRecorded, finding())
                    .when(new WithdrawFinding(INTERVIEW, STUDY, "f1", "r".repeat(2001)))
                    .expectException(invalidFields("reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"f9"})
        void refusesAnUnknownFinding(String findingId) {
            fixture.given(interviewRecorded, finding())
                    .when(new WithdrawFinding(INTERVIEW, STUDY, findingId, "reason"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWithdrawalAddressedToTheInterviewInAnotherStudy() {
            // the same interview id in another study is another record: the command is routed elsewhere and
            // never reaches this interview (over HTTP: 404)
            assertThat(new WithdrawFinding(INTERVIEW, "national", "f1", "reason").interviewAggregateId()).isNotEqualTo(RecordIds.interview(STUDY, INTERVIEW))
                    .isEqualTo(RecordIds.interview("national", INTERVIEW));
        }

        @Test
        void refusesAFindingThatIsAlreadyWithdrawn() {
            fixture.given(interviewRecorded, finding(),
                            new FindingWithdrawn(INTERVIEW, STUDY, WAVE, "f1", HYTE, "trust", "miscoded"))
                    .when(new WithdrawFinding(INTERVIEW, STUDY, "f1", "again"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWithdrawalInAClosedWave() {
            world.closeWave(STUDY, WAVE);

            fixture.given(interviewRecorded, finding())
                    .when(new WithdrawFinding(INTERVIEW, STUDY, "f1", "reason"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
    }
}
