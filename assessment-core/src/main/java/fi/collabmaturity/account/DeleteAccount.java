package fi.collabmaturity.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes an account: it can no longer sign in; what it recorded stays attributed to it. */
public record DeleteAccount(String username) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AccountIds.aggregateId(username);
    }
}
