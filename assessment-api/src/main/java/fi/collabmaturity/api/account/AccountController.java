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
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final StudiesQueries queries;
    private final ReadYourWrites consistency;
    private final CachingAuthenticationProvider authentication;
    private final AccountDirectory accounts;

    public AccountController(CommandGateway commands, StudyAccess access, PasswordEncoder encoder,
                             StudiesQueries queries, ReadYourWrites consistency,
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

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewAccount body) {
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
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", body.username());
        created.put("username", body.username());
        created.put("roles", body.roles());
        return Responses.created("/api/v1/accounts/" + body.username(), consistency.afterWrite(), created);
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) Long minPosition) {
        access.requireAdmin();
        Paging paging = Paging.of(page, size);
        consistency.await(minPosition, List.of(StudiesCollections.PROCESSOR));
        StudiesQueries.Page result = queries.accounts(paging.page(), paging.size());
        return Responses.page(result.content(), result.page(), result.size(), result.totalElements());
    }

    @DeleteMapping("/{username}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String username) {
        access.requireAdmin();
        // the account in the spelling it was created with (usernames are matched ignoring case)
        String account = accounts.find(username).map(AccountDirectory.AccountState::username).orElse(username);
        synchronized (this) {
            consistency.awaitHead(List.of(StudiesCollections.PROCESSOR));
            commands.sendAndWait(new DeleteAccount(account));
        }
        authentication.forget(account);
        return Responses.written(consistency.afterWrite(), Map.of("username", account, "deleted", true));
    }
}
