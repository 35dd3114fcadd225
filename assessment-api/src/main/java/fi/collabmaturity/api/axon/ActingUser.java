package fi.collabmaturity.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import fi.collabmaturity.api.idempotency.IdempotencyContext;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command with the authenticated user's name; the correlation data provider copies it onto every
 * event the command causes, which is how the event log records who did what.
 */
@Component
public class ActingUser implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String META_DATA_KEY = "username";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            CommandMessage<?> stamped = command;
            if (!command.getMetaData().containsKey(META_DATA_KEY)) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                String user = auth == null || auth.getName() == null ? "system" : auth.getName();
                stamped = stamped.andMetaData(Map.of(META_DATA_KEY, user));
            }
            IdempotencyContext.Current idempotency = IdempotencyContext.forNextCommand();
            if (idempotency != null) {
                stamped = stamped.andMetaData(Map.of(IdempotencyContext.KEY, idempotency.key(),
                        IdempotencyContext.FINGERPRINT, idempotency.fingerprint()));
            }
            return stamped;
        };
    }
}
