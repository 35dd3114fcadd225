package fi.collabmaturity.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Creates a built-in account. The password arrives already hashed (BCrypt): no plaintext reaches the log. */
public record CreateAccount(String username, String passwordHash, List<String> roles) {

    /**
     * Routes the command to the account's own stream, so that the aggregate (created if missing) sees an existing or
     * deleted account and refuses the username with a conflict.
     */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccountIds.aggregateId(username);
    }
}
