package fi.collabmaturity.api.results;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletionException;

/**
 * Asks the read side a question through Axon's query gateway and waits for the answer (the handlers run in this
 * process and read one document, so the wait is that read). A handler's own exception is rethrown as it is.
 */
@Component
public class ResultGateway {

    private final QueryGateway queries;

    public ResultGateway(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R ask(Object query, Class<R> answer) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(answer)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
