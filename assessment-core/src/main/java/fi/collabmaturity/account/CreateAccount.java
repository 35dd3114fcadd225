package fi.collabmaturity.account;

import java.util.List;

/** Creates a built-in account. The password arrives already hashed (BCrypt): no plaintext reaches the log. */
public record CreateAccount(String username, String passwordHash, List<String> roles) {
}
