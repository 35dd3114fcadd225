package fi.collabmaturity.testsupport;

import fi.collabmaturity.area.AreaIds;
import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.directory.EventLogStudyDirectory;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.Localized;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.reference.InterfaceThemeAdded;
import fi.collabmaturity.reference.InterfaceThemeCatalogue;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.selfassessment.RespondentSlot;
import fi.collabmaturity.selfassessment.RespondentSlots;
import fi.collabmaturity.selfassessment.SelfAssessment;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyMemberAdded;
import fi.collabmaturity.study.WaveClosed;
import fi.collabmaturity.study.WaveCreated;
import fi.collabmaturity.study.WaveReopened;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real parts around an aggregate under test: an event store holding the other aggregates' events (read by an
 * {@link EventLogStudyDirectory}), the framework and region catalogues from the class path, and a sealer over an
 * in-memory key store. {@link #fixture(Class)} registers them all as injectable resources.
 */
public final class TestWorld implements AutoCloseable {

    public static final String FRAMEWORK_ID = "keast-mandell-2014";
    public static final String FRAMEWORK_VERSION = "1.0.0";
    public static final String CREATOR = "researcher1";

    public final InMemoryParticipantKeyStore keys = new InMemoryParticipantKeyStore();
    public final PersonalDataSealer sealer = new PersonalDataSealer(keys);
    public final FrameworkCatalog frameworks = FrameworkCatalog.fromClasspath();
    public final RegionCatalog regions = RegionCatalog.fromClasspath();
    public final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    public final EventLogStudyDirectory directory = new EventLogStudyDirectory(eventStore);
    /**
     * The respondents' answers over this world's event store (not the fixture's, which holds only the aggregate
     * under test): a test reads what a submission did to them with {@link #eventsOf(String)}.
     */
    public final RespondentSlots slots = respondentSlots(eventStore);

    private final Map<String, Long> nextSequence = new HashMap<>();

    /** A fixture for {@code aggregateType} with this world's directory, catalogues and sealer injectable. */
    public <T> AggregateTestFixture<T> fixture(Class<T> aggregateType) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(frameworks);
        fixture.registerInjectableResource(regions);
        fixture.registerInjectableResource(sealer);
        fixture.registerInjectableResource(slots);
        return fixture;
    }

    private static RespondentSlots respondentSlots(EmbeddedEventStore eventStore) {
        Repository<RespondentSlot> slots = EventSourcingRepository.builder(RespondentSlot.class)
                .eventStore(eventStore).build();
        Repository<SelfAssessment> selfAssessments = EventSourcingRepository.builder(SelfAssessment.class)
                .eventStore(eventStore).build();
        return new RespondentSlots(() -> slots, () -> selfAssessments);
    }

    /** The payloads of one aggregate's stream in this world's event store, in order. */
    public List<Object> eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    /** Appends events to one aggregate's stream, numbering them after what the stream already holds. */
    public TestWorld append(String aggregateType, String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
        }
        return this;
    }

    public TestWorld study(String studyId) {
        return append("Study", studyId, new StudyCreated(studyId, "Study " + studyId, FRAMEWORK_ID,
                FRAMEWORK_VERSION, null, CREATOR));
    }

    public TestWorld member(String studyId, String username, String role) {
        return append("Study", studyId, new StudyMemberAdded(studyId, username, role));
    }

    public TestWorld wave(String studyId, String waveId) {
        return append("Study", studyId, new WaveCreated(studyId, waveId, "Wave " + waveId,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    public TestWorld closeWave(String studyId, String waveId) {
        return append("Study", studyId, new WaveClosed(studyId, waveId));
    }

    public TestWorld reopenWave(String studyId, String waveId) {
        return append("Study", studyId, new WaveReopened(studyId, waveId, "late answers"));
    }

    public TestWorld area(String studyId, String areaId) {
        return append("Area", AreaIds.aggregateId(studyId, areaId), areaRegistered(studyId, areaId));
    }

    public TestWorld theme(String code) {
        return append("InterfaceThemeCatalogue", InterfaceThemeCatalogue.ID,
                new InterfaceThemeAdded(code, new Localized(code + " fi", code + " sv", code + " en")));
    }

    public static AreaRegistered areaRegistered(String studyId, String areaId) {
        Map<String, Integer> target = new java.util.LinkedHashMap<>();
        for (String d : List.of("trust", "communication", "information_sharing", "goals", "power", "resources",
                "accountability", "commitment")) {
            target.put(d, 3);
        }
        return new AreaRegistered(studyId, areaId, "Area " + areaId, "21", "hyte", List.of(), target);
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}
