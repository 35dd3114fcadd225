package fi.collabmaturity.study;

import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
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

import java.time.LocalDate;

import static fi.collabmaturity.testsupport.Expect.invalidFields;

class StudyTest {

    private static final String STUDY = "lapland";
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

    private TestWorld world;
    private AggregateTestFixture<Study> fixture;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        fixture = world.fixture(Study.class);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private static StudyCreated created() {
        return new StudyCreated(STUDY, "Lapland study", "keast-mandell-2014", "1.0.0", null, "researcher1");
    }

    private static WaveCreated wave(String waveId) {
        return new WaveCreated(STUDY, waveId, "Wave " + waveId, JAN_1, DEC_31);
    }

    @Nested
    class CreateStudyCommand {

        @Test
        void createsStudyWithTheNewestFrameworkVersionAndStrippedTitle() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "  Lapland study \n", "keast-mandell-2014", "2023-2025",
                            "researcher1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StudyCreated(STUDY, "Lapland study", "keast-mandell-2014", "1.1.0",
                            "2023-2025", "researcher1"));
        }

        @Test
        void createsStudyWithAnOlderFrameworkVersionWhenOneIsNamed() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "Lapland study", "keast-mandell-2014", "1.0.0", null,
                            "researcher1"))
                    .expectEvents(new StudyCreated(STUDY, "Lapland study", "keast-mandell-2014", "1.0.0", null,
                            "researcher1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.9.0", "1.2.0", "1.0", "latest", "", " 1.0.0"})
        void refusesAFrameworkVersionTheCatalogDoesNotHave(String version) {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "Title", "keast-mandell-2014", version, null, null))
                    .expectException(invalidFields("frameworkVersion"))
                    .expectNoEvents();
        }

        @Test
        void acceptsAStudyWithoutDescriptionOrCreator() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy("national-2025", "National monitoring", "keast-mandell-2014", null, null))
                    .expectEvents(new StudyCreated("national-2025", "National monitoring", "keast-mandell-2014",
                            "1.1.0", null, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "has/slash", "has space", "#hash", "-leading-dash", "äiti",
                "a2345678901234567890123456789012345678901234567890123456789012345"})
        void refusesAnIdThatIsNotAnIdentifier(String id) {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(id, "Title", "keast-mandell-2014", null, "researcher1"))
                    .expectException(invalidFields("id"))
                    .expectNoEvents();
        }

        @Test
        void acceptsAnIdOfExactly64Characters() {
            String id = "a".repeat(64);
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(id, "Title", "keast-mandell-2014", null, null))
                    .expectEvents(new StudyCreated(id, "Title", "keast-mandell-2014", "1.1.0", null, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesABlankTitle(String title) {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, title, "keast-mandell-2014", null, null))
                    .expectException(invalidFields("title"))
                    .expectNoEvents();
        }

        @Test
        void refusesATitleLongerThan300Characters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "t".repeat(301), "keast-mandell-2014", null, null))
                    .expectException(invalidFields("title"))
                    .expectNoEvents();
        }

        @Test
        void refusesADescriptionLongerThan2000Characters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "Title", "keast-mandell-2014", "d".repeat(2001), null))
                    .expectException(invalidFields("description"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesAMissingFrameworkId(String frameworkId) {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "Title", frameworkId, null, null))
                    .expectException(invalidFields("frameworkId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownFramework() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "Title", "keast-mandell-2099", null, null))
                    .expectException(invalidFields("frameworkId"))
                    .expectNoEvents();
        }

        @Test
        void namesEveryBadFieldAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new CreateStudy("bad/id", " ", "nope", "d".repeat(2001), null))
                    .expectException(invalidFields("id", "title", "description", "frameworkId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStudyIdThatTheEventLogAlreadyHas() {
            world.study(STUDY);

            fixture.givenNoPriorActivity()
                    .when(new CreateStudy(STUDY, "Title", "keast-mandell-2014", null, null))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class AddStudyMemberCommand {

        @Test
        void addsAMember() {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, "viewer1", "VIEWER"))
                    .expectEvents(new StudyMemberAdded(STUDY, "viewer1", "VIEWER"));
        }

        @Test
        void changesTheRoleOfAnExistingMember() {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, "researcher1", "VIEWER"))
                    .expectEvents(new StudyMemberAdded(STUDY, "researcher1", "VIEWER"));
        }

        @Test
        void refusesToGiveTheCreatorTheResearcherRoleTheyAlreadyHave() {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, "researcher1", "RESEARCHER"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToAddAMemberAgainWithTheSameRole() {
            fixture.given(created(), new StudyMemberAdded(STUDY, "viewer1", "VIEWER"))
                    .when(new AddStudyMember(STUDY, "viewer1", "VIEWER"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesABlankUsername(String username) {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, username, "VIEWER"))
                    .expectException(invalidFields("username"))
                    .expectNoEvents();
        }

        /** A member is an account: the same syntax (which also keeps the name a plain segment of a URL). */
        @ParameterizedTest
        @ValueSource(strings = {"a b", "a/../b", "-leading", "name?x=1", "50%", "tab\there"})
        void refusesANameThatIsNoUsername(String username) {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, username, "VIEWER"))
                    .expectException(invalidFields("username"))
                    .expectNoEvents();
        }

        @Test
        void refusesAUsernameLongerThan100Characters() {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, "u".repeat(101), "VIEWER"))
                    .expectException(invalidFields("username"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"ADMIN", "researcher", "OWNER"})
        void refusesARoleOtherThanResearcherOrViewer(String role) {
            fixture.given(created())
                    .when(new AddStudyMember(STUDY, "viewer1", role))
                    .expectException(invalidFields("role"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberOfAStudyThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new AddStudyMember("ghost", "viewer1", "VIEWER"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RemoveStudyMemberCommand {

        @Test
        void removesAMemberNamedInAnySpellingAsTheMembershipWasRecorded() {
            fixture.given(created(), new StudyMemberAdded(STUDY, "viewer1", "VIEWER"))
                    .when(new RemoveStudyMember(STUDY, "Viewer1"))
                    .expectEvents(new StudyMemberRemoved(STUDY, "viewer1"));
        }

        @Test
        void removesTheCreator() {
            fixture.given(created())
                    .when(new RemoveStudyMember(STUDY, "researcher1"))
                    .expectEvents(new StudyMemberRemoved(STUDY, "researcher1"));
        }

        @Test
        void refusesToRemoveSomeoneWhoIsNoMember() {
            fixture.given(created())
                    .when(new RemoveStudyMember(STUDY, "viewer1"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToRemoveAMemberTwice() {
            fixture.given(created(), new StudyMemberAdded(STUDY, "viewer1", "VIEWER"),
                            new StudyMemberRemoved(STUDY, "viewer1"))
                    .when(new RemoveStudyMember(STUDY, "viewer1"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void addsARemovedMemberAgain() {
            fixture.given(created(), new StudyMemberAdded(STUDY, "viewer1", "VIEWER"),
                            new StudyMemberRemoved(STUDY, "viewer1"))
                    .when(new AddStudyMember(STUDY, "viewer1", "VIEWER"))
                    .expectEvents(new StudyMemberAdded(STUDY, "viewer1", "VIEWER"));
        }
    }

    @Nested
    class MembersComparedIgnoringCase {

        @Test
        void refusesToAddAMemberAgainInAnotherSpelling() {
            fixture.given(created(), new StudyMemberAdded(STUDY, "Maija", "VIEWER"))
                    .when(new AddStudyMember(STUDY, "maija", "VIEWER"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void aLaterEventInAnotherSpellingReplacesTheRoleOfTheSameUser() {
            StudyFacts facts = StudyFacts.created(created())
                    .apply(new StudyMemberAdded(STUDY, "Maija", "VIEWER"))
                    .apply(new StudyMemberAdded(STUDY, "maija", "RESEARCHER"));
            org.assertj.core.api.Assertions.assertThat(facts.roleOf("MAIJA")).contains("RESEARCHER");
            org.assertj.core.api.Assertions.assertThat(facts.members())
                    .containsOnlyKeys("researcher1", "maija");
            org.assertj.core.api.Assertions.assertThat(facts.apply(new StudyMemberRemoved(STUDY, "maija"))
                    .roleOf("Maija")).isEmpty();
        }
    }

    @Nested
    class CreateWaveCommand {

        @Test
        void createsAWaveWithStrippedLabel() {
            fixture.given(created())
                    .when(new CreateWave(STUDY, "w2024", " 2024 \t", JAN_1, DEC_31))
                    .expectEvents(new WaveCreated(STUDY, "w2024", "2024", JAN_1, DEC_31));
        }

        @Test
        void acceptsAWaveThatOpensAndClosesOnTheSameDay() {
            fixture.given(created())
                    .when(new CreateWave(STUDY, "workshop", "Workshop", JAN_1, JAN_1))
                    .expectEvents(new WaveCreated(STUDY, "workshop", "Workshop", JAN_1, JAN_1));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"2024/autumn", "wave one"})
        void refusesAWaveIdThatIsNotAnIdentifier(String waveId) {
            fixture.given(created())
                    .when(new CreateWave(STUDY, waveId, "2024", JAN_1, DEC_31))
                    .expectException(invalidFields("id"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesABlankLabel(String label) {
            fixture.given(created())
                    .when(new CreateWave(STUDY, "w2024", label, JAN_1, DEC_31))
                    .expectException(invalidFields("label"))
                    .expectNoEvents();
        }

        @Test
        void refusesALabelLongerThan200Characters() {
            fixture.given(created())
                    .when(new CreateWave(STUDY, "w2024", "l".repeat(201), JAN_1, DEC_31))
                    .expectException(invalidFields("label"))
                    .expectNoEvents();
        }

        @Test
        void refusesMissingDates() {
            fixture.given(created())
                    .when(new CreateWave(STUDY, "w2024", "2024", null, null))
                    .expectException(invalidFields("opensOn", "closesOn"))
                    .expectNoEvents();
        }

        @Test
        void refusesAWaveThatClosesBeforeItOpens() {
            fixture.given(created())
                    .when(new CreateWave(STUDY, "w2024", "2024", DEC_31, JAN_1))
                    .expectException(invalidFields("closesOn"))
                    .expectNoEvents();
        }

        @Test
        void refusesADuplicateWaveId() {
            fixture.given(created(), wave("w2024"))
                    .when(new CreateWave(STUDY, "w2024", "Again", JAN_1, DEC_31))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesADuplicateWaveIdEvenWhenThatWaveIsClosed() {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"))
                    .when(new CreateWave(STUDY, "w2024", "Again", JAN_1, DEC_31))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class SetScoringPolicyCommand {

        @Test
        void setsAPolicyKeepingWhatIsNotNamed() {
            fixture.given(created())
                    .when(new SetScoringPolicy(STUDY, 5, 2.0, null, null))
                    .expectEvents(new ScoringPolicySet(STUDY, 5, 2.0, 1.0, 0.75, 0.25));
        }

        @Test
        void startsFromThePolicySetBefore() {
            fixture.given(created(), new ScoringPolicySet(STUDY, 5, 2.0, 1.0, 0.75, 0.4))
                    .when(new SetScoringPolicy(STUDY, null, null, 0.5, 1.0))
                    .expectEvents(new ScoringPolicySet(STUDY, 5, 2.0, 0.5, 1.0, 0.4));
        }

        @Test
        void refusesImpossibleValuesNamingEachField() {
            fixture.given(created())
                    .when(new SetScoringPolicy(STUDY, 0, -1.0, Double.NaN, 0.0))
                    .expectException(invalidFields("minimumN", "weights.interviews", "weights.selfAssessments",
                            "weights", "divergenceThreshold"))
                    .expectNoEvents();
        }

        @Test
        void setsTheChangeThresholdFromZeroToTheWidthOfTheScale() {
            fixture.given(created())
                    .when(new SetScoringPolicy(STUDY, null, null, null, null, 0.0))
                    .expectEvents(new ScoringPolicySet(STUDY, 3, 1.0, 1.0, 0.75, 0.0));
            fixture.given(created())
                    .when(new SetScoringPolicy(STUDY, null, null, null, null, 2.0))
                    .expectEvents(new ScoringPolicySet(STUDY, 3, 1.0, 1.0, 0.75, 2.0));
        }

        @Test
        void refusesAChangeThresholdOutsideTheScale() {
            for (double bad : new double[] {-0.01, 2.01, Double.NaN, Double.POSITIVE_INFINITY}) {
                fixture.given(created())
                        .when(new SetScoringPolicy(STUDY, null, null, null, null, bad))
                        .expectException(invalidFields("changeThreshold"))
                        .expectNoEvents();
            }
        }

        @Test
        void refusesWeightsThatAreAllZero() {
            fixture.given(created())
                    .when(new SetScoringPolicy(STUDY, null, 0.0, 0.0, null))
                    .expectException(invalidFields("weights"))
                    .expectNoEvents();
        }
    }

    @Nested
    class UpgradeStudyFrameworkCommand {

        @Test
        void movesTheStudyToANewerVersionNamingBothAndWho() {
            fixture.given(created())
                    .when(new UpgradeStudyFramework(STUDY, "1.1.0", "researcher2"))
                    .expectEvents(new StudyFrameworkUpgraded(STUDY, "keast-mandell-2014", "1.0.0", "1.1.0",
                            "researcher2"));
        }

        @Test
        void refusesTheVersionTheStudyAlreadyUses() {
            fixture.given(created(), new StudyFrameworkUpgraded(STUDY, "keast-mandell-2014", "1.0.0", "1.1.0",
                            "researcher1"))
                    .when(new UpgradeStudyFramework(STUDY, "1.1.0", "researcher1"))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("study lapland already uses keast-mandell-2014 1.1.0")
                    .expectNoEvents();
        }

        @Test
        void refusesToGoBackToAnOlderVersion() {
            fixture.given(created(), new StudyFrameworkUpgraded(STUDY, "keast-mandell-2014", "1.0.0", "1.1.0",
                            "researcher1"))
                    .when(new UpgradeStudyFramework(STUDY, "1.0.0", "researcher1"))
                    .expectException(invalidFields("version"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "1.2.0", "2.0.0", "1.1", "newest"})
        void refusesAVersionTheCatalogDoesNotHave(String version) {
            fixture.given(created())
                    .when(new UpgradeStudyFramework(STUDY, version, "researcher1"))
                    .expectException(invalidFields("version"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStudyThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new UpgradeStudyFramework(STUDY, "1.1.0", "researcher1"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class CloseWaveCommand {

        @Test
        void closesAnOpenWave() {
            fixture.given(created(), wave("w2024"))
                    .when(new CloseWave(STUDY, "w2024"))
                    .expectEvents(new WaveClosed(STUDY, "w2024"));
        }

        @Test
        void closesAReopenedWaveAgain() {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"),
                            new WaveReopened(STUDY, "w2024", "late answers"))
                    .when(new CloseWave(STUDY, "w2024"))
                    .expectEvents(new WaveClosed(STUDY, "w2024"));
        }

        @Test
        void refusesAnUnknownWave() {
            fixture.given(created(), wave("w2024"))
                    .when(new CloseWave(STUDY, "w2025"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingWaveId() {
            fixture.given(created(), wave("w2024"))
                    .when(new CloseWave(STUDY, null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWaveThatIsAlreadyClosed() {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"))
                    .when(new CloseWave(STUDY, "w2024"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReopenWaveCommand {

        @Test
        void reopensAClosedWaveKeepingTheStrippedReason() {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"))
                    .when(new ReopenWave(STUDY, "w2024", " a late workshop group \n"))
                    .expectEvents(new WaveReopened(STUDY, "w2024", "a late workshop group"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesABlankReason(String reason) {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"))
                    .when(new ReopenWave(STUDY, "w2024", reason))
                    .expectException(invalidFields("reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReasonLongerThan2000Characters() {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"))
                    .when(new ReopenWave(STUDY, "w2024", "r".repeat(2001)))
                    .expectException(invalidFields("reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownWave() {
            fixture.given(created(), wave("w2024"))
                    .when(new ReopenWave(STUDY, "w2025", "reason"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWaveThatIsOpen() {
            fixture.given(created(), wave("w2024"))
                    .when(new ReopenWave(STUDY, "w2024", "reason"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWaveThatWasAlreadyReopened() {
            fixture.given(created(), wave("w2024"), new WaveClosed(STUDY, "w2024"),
                            new WaveReopened(STUDY, "w2024", "first"))
                    .when(new ReopenWave(STUDY, "w2024", "second"))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
    }
}
