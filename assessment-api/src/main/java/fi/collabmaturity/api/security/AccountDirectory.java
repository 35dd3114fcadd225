package fi.collabmaturity.api.security;

import fi.collabmaturity.account.AccountCreated;
import fi.collabmaturity.account.AccountDeleted;
import fi.collabmaturity.account.AccountIds;
import fi.collabmaturity.account.AccountRegistry;
import fi.collabmaturity.projection.studies.StudiesQueries;
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
 * with the very next request, in every storage mode and on every instance. Usernames are matched ignoring case:
 * each account has the stream of the spelling it was created with, and a name typed in another spelling is looked
 * up in the accounts read model (accounts are created rarely, and the account controller waits for that read model
 * before it creates or deletes one). It also tells the account rules about the other accounts.
 */
@Component
public class AccountDirectory implements UserDetailsService, AccountRegistry {

    private final EventStore eventStore;
    private final StudiesQueries queries;

    public AccountDirectory(EventStore eventStore, StudiesQueries queries) {
        this.eventStore = eventStore;
        this.queries = queries;
    }

    /** The state of an account as its events tell it. */
    public record AccountState(String username, String passwordHash, List<String> roles, boolean deleted) {
    }

    /** The account of this username in any spelling, deleted or not. */
    public Optional<AccountState> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        Optional<AccountState> exact = stream(username);
        if (exact.isPresent()) {
            return exact;
        }
        return spellingOf(username).filter(spelling -> !spelling.equals(username)).flatMap(this::stream);
    }

    /** The account whose name is exactly this spelling. */
    private Optional<AccountState> stream(String username) {
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

    @Override
    public Optional<String> spellingOf(String username) {
        return username == null ? Optional.empty() : queries.accountNamed(username);
    }

    @Override
    public long activeAdmins() {
        return queries.activeAdmins();
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
