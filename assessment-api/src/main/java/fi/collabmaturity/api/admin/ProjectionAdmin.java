package fi.collabmaturity.api.admin;

import com.mongodb.client.MongoDatabase;
import fi.collabmaturity.api.axon.AxonConfiguration;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.projection.support.ReadModelLayout;
import fi.collabmaturity.shared.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Status of the projections' processors and their rebuild from the event log. */
@Component
public class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final EventLogPositions positions;
    private final MongoDatabase readModels;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventLogPositions positions,
                           MongoDatabase readModelDatabase) {
        this.processing = processing;
        this.positions = positions;
        this.readModels = readModelDatabase;
    }

    public List<ProjectionStatus> status() {
        long head = positions.head();
        List<ProjectionStatus> out = new ArrayList<>();
        for (String name : AxonConfiguration.PROCESSORS) {
            StreamingEventProcessor processor = processor(name);
            Long position = null;
            boolean replaying = false;
            boolean error = false;
            for (EventTrackerStatus segment : processor.processingStatus().values()) {
                OptionalLong p = segment.getCurrentPosition();
                if (p.isPresent()) {
                    position = position == null ? p.getAsLong() : Math.min(position, p.getAsLong());
                }
                // Axon keeps a finished replay's token marked as replaying until a newer event arrives
                replaying |= segment.isReplaying() && !segment.isCaughtUp();
                error |= segment.isErrorState();
            }
            long at = position == null ? 0 : position;
            out.add(new ProjectionStatus(name, at, Math.max(0, head - at), !processor.isRunning() ? "stopped"
                    : error ? "error" : replaying ? "replaying" : "running", deadLetters(name)));
        }
        return out;
    }

    /**
     * Rebuilds a projection from the event log: stop, drop its read models (its reset handler), forget its dead
     * letters, record the layout it now builds, start from zero. The rebuild handles the parked events again with the
     * rest (and parks them again if they still fail); kept letters would park every event of their sequences behind
     * them a second time. While another instance holds the projection, Axon refuses the reset before changing
     * anything ({@link UnableToClaimTokenException}), and the processor here runs on as before.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
            processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
            // after the reset: a stop before this line only means the next start rebuilds again
            ReadModelLayout.record(readModels, name, AxonConfiguration.LAYOUTS.get(name));
        } finally {
            processor.start();
        }
    }

    /** Events parked in the processor's dead-letter queue (a handler threw on them). */
    public long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Handles the dead letters again (after a fix); returns how many sequences were processed successfully. */
    public int retryDeadLetters(String name) {
        processor(name);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFoundException("projection " + name + " has no dead-letter queue"));
        int processed = 0;
        int attempts = 0;
        long sequences = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        while (attempts++ < sequences && letters.processAny()) {
            processed++;
        }
        return processed;
    }

    public boolean caughtUp(String name, long position) {
        Map<Integer, EventTrackerStatus> status = processor(name).processingStatus();
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> positions.reached(s.getTrackingToken(), position));
    }

    private StreamingEventProcessor processor(String name) {
        if (!AxonConfiguration.PROCESSORS.contains(name)) {
            throw new NotFoundException("no projection " + name + "; known: " + AxonConfiguration.PROCESSORS);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }
}
