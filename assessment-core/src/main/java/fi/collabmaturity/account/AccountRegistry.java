package fi.collabmaturity.account;

import java.util.Optional;

/**
 * What the rules of one account need to know about the others: whether a username is taken in another spelling,
 * and how many administrators there are. The application answers from its read of the event log, brought up to
 * the log's head before an account changes.
 */
public interface AccountRegistry {

    /** The spelling of an account, existing or deleted, whose username equals this one ignoring case. */
    Optional<String> spellingOf(String username);

    /** How many accounts exist (not deleted) with the ADMIN role. */
    long activeAdmins();
}
