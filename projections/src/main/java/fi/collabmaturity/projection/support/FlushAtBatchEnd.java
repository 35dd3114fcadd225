package fi.collabmaturity.projection.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;


/**
 * Writes a batch's staged read-model changes after its last event was handled. This runs inside the batch, before
 * the processor's own prepare-commit step stores the token, so a crash can only leave the read model ahead of the
 * token (and the events are handled again, idempotently), never behind it.
 */
public final class FlushAtBatchEnd implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = PendingWrites.class.getName();
    private final MongoDatabase database;
    private final String processor;
    private final int layout;
    private final Runnable eventHandled;

    /**
     * @param layout       the projection's read-model layout (see {@link ReadModelLayout})
     * @param eventHandled called once per event the processor handled (for metrics and tests that must see
     *                     whether a processor replayed)
     */
    public FlushAtBatchEnd(MongoDatabase database, String processor, int layout, Runnable eventHandled) {
        this.database = database;
        this.processor = processor;
        this.layout = layout;
        this.eventHandled = eventHandled;
    }

    /** The writes staged so far in the current batch; event handlers add theirs here. */
    public static PendingWrites pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        PendingWrites pending = unitOfWork.getResource(RESOURCE);
        if (pending == null) {
            throw new IllegalStateException("no batch is open: register " + FlushAtBatchEnd.class.getSimpleName()
                    + " as a handler interceptor of this processor");
        }
        return pending;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        PendingWrites pending = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            PendingWrites created = new PendingWrites(database, processor, layout);
            // a fallback for a batch whose last event did not get through this interceptor normally
            unitOfWork.onPrepareCommit(u -> created.flush());
            return created;
        });
        Object result = interceptorChain.proceed();
        pending.handled(Progress.of(unitOfWork.getMessage()));
        eventHandled.run();
        boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        if (lastOfBatch) {
            pending.flush();
        }
        return result;
    }
}
