package fi.collabmaturity.api.web;

import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * The read side is eventually consistent; this makes it consistent on request. Writes answer with the log position
 * they produced ({@code X-Assessment-Position}); a read with {@code minPosition=N} waits (up to 5 s) until the
 * projections it reads from have handled everything up to N.
 */
@Component
public class ReadYourWrites {

    public static final String POSITION_HEADER = "X-Assessment-Position";
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final EventLogPositions positions;
    private final EventProcessingConfiguration processing;

    public ReadYourWrites(EventLogPositions positions, EventProcessingConfiguration processing) {
        this.positions = positions;
        this.processing = processing;
    }

    /** Headers for a write's response: the log position of the write's own (newest) event. */
    public HttpHeaders afterWrite() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(POSITION_HEADER, Long.toString(positions.positionOfEvents(WrittenEvents.drain())));
        return headers;
    }

    /** Waits until the named processors have reached {@code minPosition}; no-op without one. */
    public void await(Long minPosition, Collection<String> processors) {
        if (minPosition == null || minPosition <= 0) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        for (String name : processors) {
            while (!reached(name, minPosition)) {
                if (System.nanoTime() > deadline) {
                    throw new ProjectionsBehindException("the results have not yet reached position " + minPosition
                            + "; retry shortly");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProjectionsBehindException("interrupted while waiting for position " + minPosition);
                }
            }
        }
    }

    /** Waits until the named processors have handled every event in the log now (up to 5 s, like {@link #await}). */
    public void awaitHead(Collection<String> processors) {
        await(positions.head(), processors);
    }

    private boolean reached(String processorName, long position) {
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + processorName));
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (!positions.reached(segment.getTrackingToken(), position)) {
                return false;
            }
        }
        return true;
    }
}
