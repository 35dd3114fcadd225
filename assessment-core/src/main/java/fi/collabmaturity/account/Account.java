package fi.collabmaturity.account;

import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.Validation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A built-in account. Kept in the event log like everything else, so it is durable in both storage modes, part of
 * backups, and its changes are audited. A deleted username cannot be taken again, so the record stays unambiguous.
 */
public class Account {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    @AggregateIdentifier
    private String id;
    private String username;
    private boolean exists;
    private List<String> roles = List.of();

    protected Account() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateAccount command, AccountRegistry accounts) {
        Validation v = new Validation()
                .require(command.username() != null && USERNAME.matcher(command.username()).matches(), "username",
                        "must be 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
                .notBlank(command.passwordHash(), "password");
        if (command.roles() == null || command.roles().isEmpty()) {
            v.add("roles", "must name at least one of " + Roles.ALL);
        } else {
            for (int i = 0; i < command.roles().size(); i++) {
                String role = command.roles().get(i);
                v.require(role != null && Roles.ALL.contains(role), "roles[" + i + "]", "must be one of " + Roles.ALL);
            }
        }
        v.throwIfInvalid();
        if (username != null) {
            throw new ConflictException("account " + command.username() + " already exists"
                    + (exists ? "" : " (deleted; usernames are not reused)"));
        }
        accounts.spellingOf(command.username()).ifPresent(taken -> {
            throw new ConflictException("account " + taken + " already exists (usernames are compared ignoring case)");
        });
        apply(new AccountCreated(command.username(), command.passwordHash(),
                List.copyOf(new LinkedHashSet<>(command.roles()))));
    }

    @CommandHandler
    public void handle(DeleteAccount command, AccountRegistry accounts) {
        if (!exists) {
            throw new NotFoundException("account " + command.username() + " does not exist");
        }
        if (roles.contains(Roles.ADMIN) && accounts.activeAdmins() <= 1) {
            throw new ConflictException("account " + username + " is the last ADMIN: deleting it would leave nobody"
                    + " to administer the installation; create another ADMIN account first");
        }
        apply(new AccountDeleted(username));
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        id = AccountIds.aggregateId(event.username());
        username = event.username();
        roles = List.copyOf(event.roles());
        exists = true;
    }

    @EventSourcingHandler
    void on(AccountDeleted event) {
        exists = false;
    }
}
