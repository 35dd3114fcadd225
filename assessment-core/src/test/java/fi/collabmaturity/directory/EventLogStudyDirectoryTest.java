package fi.collabmaturity.directory;

import fi.collabmaturity.interview.InterviewRecorded;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyMemberAdded;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.StudyFrameworkUpgraded;
import fi.collabmaturity.study.Wave;
import fi.collabmaturity.testsupport.TestWorld;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class EventLogStudyDirectoryTest {

    private static final String STUDY = "lapland";

    private final TestWorld world = new TestWorld();
    private final StudyDirectory directory = world.directory;

    @AfterEach
    void tearDown() {
        world.close();
    }

    private Wave wave(String waveId) {
        return directory.study(STUDY).orElseThrow().wave(waveId).orElseThrow();
    }

    @Test
    void knowsAStudyFromItsCreation() {
        world.study(STUDY);

        StudyFacts facts = directory.study(STUDY).orElseThrow();

        assertThat(facts.studyId()).isEqualTo(STUDY);
        assertThat(facts.title()).isEqualTo("Study lapland");
        assertThat(facts.frameworkId()).isEqualTo("keast-mandell-2014");
        assertThat(facts.frameworkVersion()).isEqualTo("1.0.0");
        assertThat(facts.waves()).isEmpty();
        assertThat(facts.members()).containsExactly(entry("researcher1", "RESEARCHER"));
    }

    @Test
    void givesAStudyTheFrameworkVersionItWasCreatedWithNotTheNewest() {
        world.study(STUDY);

        assertThat(directory.study(STUDY).orElseThrow().framework(world.frameworks).version()).isEqualTo("1.0.0");
    }

    @Test
    void followsAnUpgradeOfTheStudysFramework() {
        world.study(STUDY).wave(STUDY, "w2024");
        directory.study(STUDY);
        world.append("Study", STUDY, new StudyFrameworkUpgraded(STUDY, "keast-mandell-2014", "1.0.0", "1.1.0",
                "researcher1"));

        StudyFacts facts = directory.study(STUDY).orElseThrow();

        assertThat(facts.frameworkVersion()).isEqualTo("1.1.0");
        assertThat(facts.framework(world.frameworks).version()).isEqualTo("1.1.0");
        assertThat(facts.waves()).containsOnlyKeys("w2024");
    }

    @Test
    void foldsWavesWithTheirDatesOpenByDefault() {
        world.study(STUDY).wave(STUDY, "w2023").wave(STUDY, "w2024");

        StudyFacts facts = directory.study(STUDY).orElseThrow();

        assertThat(facts.waves().keySet()).containsExactly("w2023", "w2024");
        assertThat(facts.wave("w2024")).contains(new Wave("w2024", "Wave w2024", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), false));
        assertThat(facts.wave("w2030")).isEmpty();
        assertThat(facts.wave(null)).isEmpty();
    }

    @Test
    void foldsAClosedWaveAsClosed() {
        world.study(STUDY).wave(STUDY, "w2023").wave(STUDY, "w2024").closeWave(STUDY, "w2023");

        assertThat(wave("w2023").closed()).isTrue();
        assertThat(wave("w2024").closed()).isFalse();
    }

    @Test
    void foldsAReopenedWaveAsOpen() {
        world.study(STUDY).wave(STUDY, "w2023").closeWave(STUDY, "w2023").reopenWave(STUDY, "w2023");

        assertThat(wave("w2023").closed()).isFalse();
    }

    @Test
    void foldsMembersWithTheirLatestRole() {
        world.study(STUDY).member(STUDY, "viewer1", "VIEWER").member(STUDY, "analyst", "RESEARCHER")
                .member(STUDY, "viewer1", "RESEARCHER");

        StudyFacts facts = directory.study(STUDY).orElseThrow();

        assertThat(facts.members()).containsOnly(entry("researcher1", "RESEARCHER"),
                entry("viewer1", "RESEARCHER"), entry("analyst", "RESEARCHER"));
        assertThat(facts.roleOf("viewer1")).contains("RESEARCHER");
        assertThat(facts.roleOf("stranger")).isEmpty();
    }

    @Test
    void seesEventsAppendedAfterItsLastAnswer() {
        world.study(STUDY).wave(STUDY, "w2024");
        assertThat(wave("w2024").closed()).isFalse();

        world.closeWave(STUDY, "w2024");
        assertThat(wave("w2024").closed()).isTrue();

        world.reopenWave(STUDY, "w2024").wave(STUDY, "w2025").member(STUDY, "viewer1", "VIEWER");
        StudyFacts facts = directory.study(STUDY).orElseThrow();
        assertThat(facts.wave("w2024").orElseThrow().closed()).isFalse();
        assertThat(facts.waves().keySet()).containsExactly("w2024", "w2025");
        assertThat(facts.roleOf("viewer1")).contains("VIEWER");
    }

    @Test
    void givesTheSameAnswerAgainWhenNothingWasAppended() {
        world.study(STUDY).wave(STUDY, "w2024").closeWave(STUDY, "w2024");

        StudyFacts first = directory.study(STUDY).orElseThrow();
        StudyFacts second = directory.study(STUDY).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(second.wave("w2024").orElseThrow().closed()).isTrue();
    }

    @Test
    void keepsStudiesApart() {
        world.study(STUDY).wave(STUDY, "w2024").study("national").wave("national", "w2025")
                .closeWave("national", "w2025");

        assertThat(directory.study(STUDY).orElseThrow().waves().keySet()).containsExactly("w2024");
        assertThat(directory.study("national").orElseThrow().waves().keySet()).containsExactly("w2025");
        assertThat(directory.study("national").orElseThrow().wave("w2025").orElseThrow().closed()).isTrue();
    }

    @Test
    void doesNotKnowAStudyThatWasNeverCreated() {
        world.study(STUDY);

        assertThat(directory.study("ghost")).isEmpty();
    }

    @Test
    void learnsOfAStudyCreatedAfterItWasAskedAbout() {
        assertThat(directory.study(STUDY)).isEmpty();

        world.study(STUDY);

        assertThat(directory.study(STUDY)).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "lapland/lapland-hyte", "#interface-themes", "#account:admin"})
    void answersIdsNoStudyCanHaveWithEmpty(String studyId) {
        world.study(STUDY).area(STUDY, "lapland-hyte").theme("sports");

        assertThat(directory.study(studyId)).isEmpty();
    }

    @Test
    void doesNotTakeAnotherAggregatesStreamForAStudy() {
        world.study(STUDY).append("Interview", "iv-07", new InterviewRecorded("iv-07", STUDY, "w2024",
                LocalDate.of(2024, 3, 14), "participant", null, List.of("lapland-hyte"), null));

        assertThat(directory.study("iv-07")).isEmpty();
        assertThat(directory.study("iv-07")).isEmpty();
    }

    @Test
    void knowsAnAreaOnceItIsRegisteredInThatStudy() {
        world.study(STUDY).study("national");
        assertThat(directory.areaExists(STUDY, "lapland-hyte")).isFalse();

        world.area(STUDY, "lapland-hyte");

        assertThat(directory.areaExists(STUDY, "lapland-hyte")).isTrue();
        assertThat(directory.areaExists("national", "lapland-hyte")).isFalse();
        assertThat(directory.areaExists(STUDY, "lapland-employment")).isFalse();
    }

    @Test
    void knowsNoAreaForMissingIds() {
        world.study(STUDY).area(STUDY, "lapland-hyte");

        assertThat(directory.areaExists(null, "lapland-hyte")).isFalse();
        assertThat(directory.areaExists(STUDY, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hyte", "education_social_health", "children_youth_families", "employment",
            "immigration_integration", "preparedness_security", "vitality", "ngo_cooperation",
            "service_network_land_use", "older_people", "substance_mental_health", "knowledge_management", "rdi",
            "housing", "transport", "leadership_structures"})
    void knowsEverySeededInterfaceTheme(String code) {
        assertThat(directory.interfaceThemeExists(code)).isTrue();
    }

    @Test
    void knowsAThemeAddedAfterItWasAskedAbout() {
        assertThat(directory.interfaceThemeExists("sports")).isFalse();

        world.theme("sports");
        assertThat(directory.interfaceThemeExists("sports")).isTrue();

        world.theme("culture");
        assertThat(directory.interfaceThemeExists("culture")).isTrue();
        assertThat(directory.interfaceThemeExists("music")).isFalse();
    }

    @Test
    void knowsNoThemeForAMissingOrMiscasedCode() {
        assertThat(directory.interfaceThemeExists(null)).isFalse();
        assertThat(directory.interfaceThemeExists("HYTE")).isFalse();
    }

    /**
     * The embedded default's directory answers from memory until the next append through this process's event
     * store; an append made past the store (what another process would do, and why MongoDB deployments do not use
     * it) stays unseen until then, which shows that the lookup is really saved.
     */
    @Test
    void theOnlyWritersDirectorySeesEveryAppendThroughTheStoreAndSavesTheLookupOtherwise() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            EventLogStudyDirectory onlyWriter = EventLogStudyDirectory.onlyWriterOf(store);
            EventLogStudyDirectory asksEveryTime = new EventLogStudyDirectory(store);
            store.publish(new GenericDomainEventMessage<>("Study", STUDY, 0, new StudyCreated(STUDY, "Study",
                    TestWorld.FRAMEWORK_ID, TestWorld.FRAMEWORK_VERSION, null, TestWorld.CREATOR)));
            assertThat(onlyWriter.study(STUDY).orElseThrow().members()).containsOnlyKeys(TestWorld.CREATOR);

            store.publish(new GenericDomainEventMessage<>("Study", STUDY, 1,
                    new StudyMemberAdded(STUDY, "viewer1", "VIEWER")));
            assertThat(onlyWriter.study(STUDY).orElseThrow().members()).as("an append through the store is seen")
                    .containsOnlyKeys(TestWorld.CREATOR, "viewer1");

            engine.appendEvents(new GenericDomainEventMessage<>("Study", STUDY, 2,
                    new StudyMemberAdded(STUDY, "other1", "VIEWER")));
            assertThat(onlyWriter.study(STUDY).orElseThrow().members()).as("answered from memory")
                    .doesNotContainKey("other1");
            assertThat(asksEveryTime.study(STUDY).orElseThrow().members()).containsKey("other1");

            // inside a unit of work, as the command bus appends: seen once it commits
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            store.publish(new GenericDomainEventMessage<>("Study", STUDY, 3,
                    new StudyMemberAdded(STUDY, "researcher2", "RESEARCHER")));
            unitOfWork.commit();
            assertThat(onlyWriter.study(STUDY).orElseThrow().members())
                    .containsKeys("other1", "researcher2");
        } finally {
            store.shutDown();
        }
    }

    /**
     * A study that does not exist is remembered as such, like one that does, until the next append through the store:
     * a request for an unknown study (the benchmark's floors) costs no lookup, and a study created later is found.
     */
    @Test
    void theOnlyWritersDirectoryRemembersThatAStudyDoesNotExistUntilTheNextAppend() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            EventLogStudyDirectory onlyWriter = EventLogStudyDirectory.onlyWriterOf(store);
            assertThat(onlyWriter.study("ghost")).isEmpty();

            engine.appendEvents(new GenericDomainEventMessage<>("Study", "ghost", 0, new StudyCreated("ghost",
                    "Study", TestWorld.FRAMEWORK_ID, TestWorld.FRAMEWORK_VERSION, null, TestWorld.CREATOR)));
            assertThat(onlyWriter.study("ghost")).as("answered from memory").isEmpty();
            assertThat(new EventLogStudyDirectory(store).study("ghost")).isPresent();

            store.publish(new GenericDomainEventMessage<>("Study", STUDY, 0, new StudyCreated(STUDY, "Study",
                    TestWorld.FRAMEWORK_ID, TestWorld.FRAMEWORK_VERSION, null, TestWorld.CREATOR)));
            assertThat(onlyWriter.study("ghost")).as("any append through the store makes it ask again").isPresent();
            assertThat(onlyWriter.study(STUDY)).isPresent();
        } finally {
            store.shutDown();
        }
    }
}
