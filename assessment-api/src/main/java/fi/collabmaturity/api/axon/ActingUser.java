package fi.collabmaturity.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
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
            if (command.getMetaData().containsKey(META_DATA_KEY)) {
                return command;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String user = auth == null || auth.getName() == null ? "system" : auth.getName();
            return command.andMetaData(java.util.Map.of(META_DATA_KEY, user));
        };
    }
}
