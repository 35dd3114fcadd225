package fi.collabmaturity.api.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Claims a command's Idempotency-Key inside the command's unit of work, so that in the embedded store the claim
 * and the events commit or roll back together. A command whose key another request claimed first is refused
 * before it records anything.
 */
public class IdempotencyClaim implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;

    public IdempotencyClaim(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(IdempotencyContext.KEY);
        if (key != null) {
            Object user = command.getMetaData().get("username");
            IdempotencyContext.Current current = IdempotencyContext.current();
            try {
                store.claim(String.valueOf(user), key.toString(),
                        String.valueOf(command.getMetaData().get(IdempotencyContext.FINGERPRINT)), null);
            } catch (IdempotencyStore.KeyAlreadyClaimedException e) {
                if (current != null) {
                    current.lostRace = true;
                }
                throw e;
            }
            if (current != null) {
                current.claimed = true;
            }
        }
        return chain.proceed();
    }
}
