package fi.collabmaturity.account;

import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.NotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static fi.collabmaturity.testsupport.Expect.invalidFields;

class AccountTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuN0x9m3gGmJ2mQ0eA3fSxb6Jp7aQ1Gy";

    private AggregateTestFixture<Account> fixture;
    private final Registry registry = new Registry();

    /** The other accounts, as the application's registry would tell them. */
    static final class Registry implements AccountRegistry {
        final List<String> usernames = new ArrayList<>();
        long admins = 1;

        @Override
        public Optional<String> spellingOf(String username) {
            return usernames.stream().filter(u -> Usernames.same(u, username)).findFirst();
        }

        @Override
        public long activeAdmins() {
            return admins;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(registry);
    }

    @Nested
    class CreateAccountCommand {

        @Test
        void createsAnAccountWithItsRolesOnceEachInTheOrderGiven() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount("maija.m@ulapland.fi", HASH, List.of("RESEARCHER", "ADMIN", "RESEARCHER")))
                    .expectEvents(new AccountCreated("maija.m@ulapland.fi", HASH, List.of("RESEARCHER", "ADMIN")));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"has space", ".leading-dot", "a/b", "ääkkönen"})
        void refusesAUsernameOutsideTheAllowedCharacters(String username) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(username, HASH, List.of("VIEWER")))
                    .expectException(invalidFields("username"))
                    .expectNoEvents();
        }

        @Test
        void refusesAUsernameLongerThan100Characters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount("u".repeat(101), HASH, List.of("VIEWER")))
                    .expectException(invalidFields("username"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void refusesABlankPasswordHash(String hash) {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount("viewer1", hash, List.of("VIEWER")))
                    .expectException(invalidFields("password"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAccountWithoutRoles() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount("viewer1", HASH, List.of()))
                    .expectException(invalidFields("roles"))
                    .expectNoEvents();
        }

        @Test
        void namesEachUnknownRoleByItsIndex() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount("viewer1", HASH, Arrays.asList("VIEWER", "OWNER", null, "admin")))
                    .expectException(invalidFields("roles[1]", "roles[2]", "roles[3]"))
                    .expectNoEvents();
        }

        @Test
        void refusesAUsernameThatAlreadyHasAnAccount() {
            fixture.given(new AccountCreated("viewer1", HASH, List.of("VIEWER")))
                    .when(new CreateAccount("viewer1", HASH, List.of("RESEARCHER")))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAUsernameThatDiffersOnlyInCaseFromAnotherAccount() {
            registry.usernames.add("admin");
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount("ADMIN", HASH, List.of("ADMIN")))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("account admin already exists"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReuseTheUsernameOfADeletedAccount() {
            fixture.given(new AccountCreated("viewer1", HASH, List.of("VIEWER")), new AccountDeleted("viewer1"))
                    .when(new CreateAccount("viewer1", HASH, List.of("VIEWER")))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DeleteAccountCommand {

        @Test
        void deletesAnAccount() {
            fixture.given(new AccountCreated("viewer1", HASH, List.of("VIEWER")))
                    .when(new DeleteAccount("viewer1"))
                    .expectEvents(new AccountDeleted("viewer1"));
        }

        @Test
        void refusesToDeleteTheLastAdmin() {
            registry.admins = 1;
            fixture.given(new AccountCreated("admin", HASH, List.of("ADMIN")))
                    .when(new DeleteAccount("admin"))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("the last ADMIN"))
                    .expectNoEvents();
        }

        @Test
        void deletesAnAdminWhileAnotherRemains() {
            registry.admins = 2;
            fixture.given(new AccountCreated("admin", HASH, List.of("RESEARCHER", "ADMIN")))
                    .when(new DeleteAccount("admin"))
                    .expectEvents(new AccountDeleted("admin"));
        }

        @Test
        void deletesAnAccountThatIsNoAdminWhateverTheNumberOfAdmins() {
            registry.admins = 1;
            fixture.given(new AccountCreated("viewer1", HASH, List.of("VIEWER")))
                    .when(new DeleteAccount("viewer1"))
                    .expectEvents(new AccountDeleted("viewer1"));
        }

        @Test
        void refusesToDeleteAnAccountTwice() {
            fixture.given(new AccountCreated("viewer1", HASH, List.of("VIEWER")), new AccountDeleted("viewer1"))
                    .when(new DeleteAccount("viewer1"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToDeleteAnAccountThatNeverExisted() {
            fixture.givenNoPriorActivity()
                    .when(new DeleteAccount("ghost"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
