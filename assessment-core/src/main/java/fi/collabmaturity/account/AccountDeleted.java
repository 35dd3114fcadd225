package fi.collabmaturity.account;

import org.axonframework.serialization.Revision;

/** An account was deleted. */
@Revision("1")
public record AccountDeleted(String username) {
}
