package fi.collabmaturity.directory;

import fi.collabmaturity.area.AreaIds;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeAdded;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.InterfaceThemeCatalogue;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.StudyFacts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link StudyDirectory} that reads the aggregates' own event streams. Each answer first asks the store for the
 * stream's last sequence number and reads only what was appended since the last answer, so it is always current
 * and usually costs one indexed lookup. Areas and themes are never removed, so once seen they stay known.
 */
public final class EventLogStudyDirectory implements StudyDirectory {

    private final EventStore eventStore;
    private final Map<String, Folded> studies = new ConcurrentHashMap<>();
    private final Set<String> knownAreas = ConcurrentHashMap.newKeySet();
    private final Set<String> seededThemes;
    private final Set<String> addedThemes = ConcurrentHashMap.newKeySet();
    private volatile long themeSequence = -1;

    public EventLogStudyDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
        this.seededThemes = InterfaceThemeCatalog.seeded().stream().map(InterfaceTheme::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    private record Folded(long sequence, StudyFacts facts) {
    }

    @Override
    public Optional<StudyFacts> study(String studyId) {
        if (studyId == null || studyId.isBlank() || studyId.indexOf('/') >= 0 || studyId.startsWith("#")) {
            return Optional.empty();
        }
        Optional<Long> last = eventStore.lastSequenceNumberFor(studyId);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Folded cached = studies.get(studyId);
        if (cached != null && cached.sequence() >= last.get()) {
            return Optional.of(cached.facts());
        }
        Folded folded = fold(studyId, cached);
        if (folded == null) {
            return Optional.empty(); // a stream that is not a study's (an interview's id, say)
        }
        studies.merge(studyId, folded, (old, neu) -> neu.sequence() >= old.sequence() ? neu : old);
        return Optional.of(folded.facts());
    }

    private Folded fold(String studyId, Folded from) {
        long sequence = from == null ? -1 : from.sequence();
        StudyFacts facts = from == null ? null : from.facts();
        DomainEventStream stream = eventStore.readEvents(studyId, sequence + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (facts == null) {
                if (!(payload instanceof StudyCreated created)) {
                    return null;
                }
                facts = StudyFacts.created(created);
            } else {
                facts = facts.apply(payload);
            }
            sequence = message.getSequenceNumber();
        }
        return facts == null ? null : new Folded(sequence, facts);
    }

    @Override
    public boolean areaExists(String studyId, String areaId) {
        if (studyId == null || areaId == null) {
            return false;
        }
        String aggregateId = AreaIds.aggregateId(studyId, areaId);
        if (knownAreas.contains(aggregateId)) {
            return true;
        }
        boolean exists = eventStore.lastSequenceNumberFor(aggregateId).isPresent();
        if (exists) {
            knownAreas.add(aggregateId);
        }
        return exists;
    }

    @Override
    public boolean recordExists(String aggregateId) {
        return aggregateId != null && eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }

    @Override
    public boolean interfaceThemeExists(String code) {
        if (code == null) {
            return false;
        }
        if (seededThemes.contains(code) || addedThemes.contains(code)) {
            return true;
        }
        refreshThemes();
        return addedThemes.contains(code);
    }

    private synchronized void refreshThemes() {
        Optional<Long> last = eventStore.lastSequenceNumberFor(InterfaceThemeCatalogue.ID);
        if (last.isEmpty() || last.get() <= themeSequence) {
            return;
        }
        DomainEventStream stream = eventStore.readEvents(InterfaceThemeCatalogue.ID, themeSequence + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof InterfaceThemeAdded added) {
                addedThemes.add(added.code());
            }
            themeSequence = message.getSequenceNumber();
        }
    }
}
