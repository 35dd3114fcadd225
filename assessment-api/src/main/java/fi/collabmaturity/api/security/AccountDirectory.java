package fi.collabmaturity.api.security;

import fi.collabmaturity.account.AccountCreated;
import fi.collabmaturity.account.AccountDeleted;
import fi.collabmaturity.account.AccountIds;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Built-in accounts for sign-in, read from their event streams so that a created or deleted account takes effect
 * with the very next request, in every storage mode and on every instance.
 */
@Component
public class AccountDirectory implements UserDetailsService {

    private final EventStore eventStore;

    public AccountDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The state of an account as its events tell it. */
    public record AccountState(String username, String passwordHash, List<String> roles, boolean deleted) {
    }

    public Optional<AccountState> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(AccountIds.aggregateId(username));
        AccountState state = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof AccountCreated created) {
                state = new AccountState(created.username(), created.passwordHash(), created.roles(), false);
            } else if (message.getPayload() instanceof AccountDeleted && state != null) {
                state = new AccountState(state.username(), state.passwordHash(), state.roles(), true);
            }
        }
        return Optional.ofNullable(state);
    }

    public boolean everExisted(String username) {
        return eventStore.lastSequenceNumberFor(AccountIds.aggregateId(username)).isPresent();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountState account = find(username).filter(a -> !a.deleted())
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
        return User.withUsername(account.username()).password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .build();
    }
}
