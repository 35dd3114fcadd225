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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A {@link StudyDirectory} that reads the aggregates' own event streams. Each answer first asks the store for the
 * stream's last sequence number and reads only what was appended since the last answer, so it is always current
 * and usually costs one indexed lookup. Areas and themes are never removed, so once seen they stay known.
 */
public final class EventLogStudyDirectory implements StudyDirectory {

    private final EventStore eventStore;
    /** Appends this process has made, when no other process appends to the store; null when others may. */
    private final AtomicLong appends;
    private final Map<String, Folded> studies = new ConcurrentHashMap<>();
    /**
     * Ids found to be no study, with the count of appends when that was found (only for the only writer): a request
     * for a study that does not exist is answered from memory too, as cheaply as one that does, until the next append.
     */
    private final Map<String, Long> absent = new ConcurrentHashMap<>();
    /** Ids of no study remembered at most: any caller may ask for any id, and memory must not grow with them. */
    private static final int ABSENT_KEPT = 10_000;
    private final Set<String> knownAreas = ConcurrentHashMap.newKeySet();
    private final Set<String> seededThemes;
    private final Set<String> addedThemes = ConcurrentHashMap.newKeySet();
    private volatile long themeSequence = -1;

    /** For an event store that other processes may append to: asks the store on every answer. */
    public EventLogStudyDirectory(EventStore eventStore) {
        this(eventStore, null);
    }

    private EventLogStudyDirectory(EventStore eventStore, AtomicLong appends) {
        this.eventStore = eventStore;
        this.appends = appends;
        this.seededThemes = InterfaceThemeCatalog.seeded().stream().map(InterfaceTheme::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * For an event store that only this process appends to (the embedded default): a study's facts are answered
     * from memory while no event at all has been appended since they were read, which saves the store lookup on
     * nearly every read. Every append counts twice: when it is stored (before its transaction commits) and after the
     * commit, so that a reader racing with a write asks the store again once the write is visible. Every append,
     * of any aggregate, goes through this process's event store, so a membership change is seen by the next request.
     */
    public static EventLogStudyDirectory onlyWriterOf(EventStore eventStore) {
        AtomicLong appends = new AtomicLong();
        eventStore.subscribe(events -> {
            appends.incrementAndGet();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> appends.incrementAndGet());
            }
        });
        return new EventLogStudyDirectory(eventStore, appends);
    }

    private record Folded(long sequence, StudyFacts facts, long appendsSeen) {
    }

    @Override
    public Optional<StudyFacts> study(String studyId) {
        if (studyId == null || studyId.isBlank() || studyId.indexOf('/') >= 0 || studyId.startsWith("#")) {
            return Optional.empty();
        }
        // read before the store is asked: an append racing with this answer makes the next one ask again
        long appendsSeen = appends == null ? -1 : appends.get();
        Folded cached = studies.get(studyId);
        if (appends != null && cached != null && cached.appendsSeen() == appendsSeen) {
            return Optional.of(cached.facts());
        }
        if (appends != null && cached == null && Long.valueOf(appendsSeen).equals(absent.get(studyId))) {
            return Optional.empty();
        }
        Optional<Long> last = eventStore.lastSequenceNumberFor(studyId);
        if (last.isEmpty()) {
            return noStudy(studyId, appendsSeen);
        }
        Folded folded = cached != null && cached.sequence() >= last.get()
                ? new Folded(cached.sequence(), cached.facts(), appendsSeen)
                : fold(studyId, cached, appendsSeen);
        if (folded == null) {
            return noStudy(studyId, appendsSeen); // a stream that is not a study's (an interview's id, say)
        }
        studies.merge(studyId, folded, (old, neu) -> neu.sequence() > old.sequence()
                || neu.sequence() == old.sequence() && neu.appendsSeen() >= old.appendsSeen() ? neu : old);
        return Optional.of(folded.facts());
    }

    private Optional<StudyFacts> noStudy(String studyId, long appendsSeen) {
        if (appends != null) {
            if (absent.size() >= ABSENT_KEPT) {
                absent.clear();
            }
            absent.put(studyId, appendsSeen);
        }
        return Optional.empty();
    }

    private Folded fold(String studyId, Folded from, long appendsSeen) {
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
        return facts == null ? null : new Folded(sequence, facts, appendsSeen);
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
