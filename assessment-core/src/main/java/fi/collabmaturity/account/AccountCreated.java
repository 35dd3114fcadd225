package fi.collabmaturity.account;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A built-in account was created, with its BCrypt password hash and roles. */
@Revision("1")
public record AccountCreated(String username, String passwordHash, List<String> roles) {
}
