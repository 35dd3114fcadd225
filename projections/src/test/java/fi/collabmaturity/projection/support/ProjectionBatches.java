package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to a projection as a tracking processor does, without Spring: each event a tracked domain event
 * message with its position in the log, the batch one {@link BatchingUnitOfWork}, every event through
 * {@link FlushAtBatchEnd} and then the projection's annotated handlers, so the staged writes are flushed when the
 * batch's last event was handled, as in the application.
 */
public final class ProjectionBatches {

    private final AnnotationEventHandlerAdapter handlers;
    private final FlushAtBatchEnd flush;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;
    private Instant clock = Instant.parse("2024-03-01T10:00:00Z");

    public ProjectionBatches(Object projection, MongoDatabase database, String processor, int layout) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.flush = new FlushAtBatchEnd(database, processor, layout, () -> { });
    }

    /**
     * The event as the log holds it: the next position, the next sequence number of its aggregate, a timestamp a
     * minute after the previous event's, and the username the command side records.
     */
    public EventMessage<?> tracked(String aggregateType, String aggregateId, Object payload, String user) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(60);
        Map<String, Object> metaData = user == null ? Map.of() : Map.of("username", user);
        GenericDomainEventMessage<Object> domain = new GenericDomainEventMessage<>(aggregateType, aggregateId,
                sequence, payload, metaData, UUID.randomUUID().toString(), clock);
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position++), domain);
    }

    /** Handles the events as one batch and flushes it; fails if any handler failed. */
    public void handle(List<? extends EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                List.of(flush), handlers::handle).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError("the batch failed", result.exceptionResult());
        }
    }
}
