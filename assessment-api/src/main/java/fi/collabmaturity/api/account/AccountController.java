package fi.collabmaturity.api.account;

import fi.collabmaturity.account.CreateAccount;
import fi.collabmaturity.account.DeleteAccount;
import fi.collabmaturity.api.security.AccountDirectory;
import fi.collabmaturity.api.security.CachingAuthenticationProvider;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Paging;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.projection.studies.StudiesCollections;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.projection.studies.AccountPage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Built-in accounts (ADMIN only). Passwords are hashed with BCrypt before they reach the command. */
@RestController
@RequestMapping("/api/v1/accounts")
public class AccountController {

    static final int MIN_PASSWORD = 10;
    /** BCrypt reads no more than 72 bytes of a password; a longer one would not be what is checked. */
    static final int MAX_PASSWORD_BYTES = CachingAuthenticationProvider.MAX_PASSWORD_BYTES;
    private final CommandGateway commands;
    private final StudyAccess access;
    private final PasswordEncoder encoder;
    private final QueryGateway queries;
    private final ReadYourWrites consistency;
    private final CachingAuthenticationProvider authentication;
    private final AccountDirectory accounts;

    public AccountController(CommandGateway commands, StudyAccess access, PasswordEncoder encoder,
                             QueryGateway queries, ReadYourWrites consistency,
                             CachingAuthenticationProvider authentication, AccountDirectory accounts) {
        this.accounts = accounts;
        this.commands = commands;
        this.access = access;
        this.encoder = encoder;
        this.queries = queries;
        this.consistency = consistency;
        this.authentication = authentication;
    }

    public record NewAccount(String username, String password, List<String> roles) {
    }

    public record CreatedAccount(String id, String username, List<String> roles) {
    }

    public record DeletedAccount(String username, boolean deleted) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedAccount> create(@RequestBody NewAccount body) {
        access.requireAdmin();
        new Validation().require(body.password() != null && body.password().length() >= MIN_PASSWORD
                        && body.password().getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES, "password",
                        "must be at least " + MIN_PASSWORD + " characters and at most " + MAX_PASSWORD_BYTES
                                + " bytes in UTF-8").throwIfInvalid();
        String hash = encoder.encode(body.password());
        synchronized (this) {
            // the rules ask the accounts read model about the other accounts: bring it up to date first, one
            // account change at a time
            consistency.awaitHead(List.of(StudiesCollections.PROCESSOR));
            commands.sendAndWait(new CreateAccount(body.username(), hash, body.roles()));
        }
        return Responses.created("/api/v1/accounts/" + body.username(), consistency.afterWrite(),
                new CreatedAccount(body.username(), body.username(), body.roles()));
    }

    @GetMapping
    public AccountPage list(@RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size,
                                                    @RequestParam(required = false) Long minPosition) {
        access.requireAdmin();
        Paging paging = Paging.of(page, size);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        return queries.query(new StudiesQueries.AccountsQuery(paging.page(), paging.size()), AccountPage.class)
                .join();
    }

    @DeleteMapping("/{username}")
    public ResponseEntity<DeletedAccount> delete(@PathVariable String username) {
        access.requireAdmin();
        // the account in the spelling it was created with (usernames are matched ignoring case)
        String account = accounts.find(username).map(AccountDirectory.AccountState::username).orElse(username);
        synchronized (this) {
            consistency.awaitHead(List.of(StudiesCollections.PROCESSOR));
            commands.sendAndWait(new DeleteAccount(account));
        }
        authentication.forget(account);
        return Responses.written(consistency.afterWrite(), new DeletedAccount(account, true));
    }
}
