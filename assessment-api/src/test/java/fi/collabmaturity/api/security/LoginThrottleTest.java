package fi.collabmaturity.api.security;

import fi.collabmaturity.api.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules on a clock the test moves: per account and address, per account anywhere, per address for
 * any account, with an account's usual address still letting it in.
 */
class LoginThrottleTest {

    final TestClock clock = new TestClock(Instant.parse("2026-01-05T08:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(clock);

    void fail(String user, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, "x");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        throttle.on(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("bad")));
    }

    void succeed(String user, String address) {
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
                java.util.List.of());
        signedIn.setDetails(new WebAuthenticationDetails(address, null));
        throttle.on(new AuthenticationSuccessEvent(signedIn));
    }

    @Test
    void anAccountAndAddressWaitsADoublingDelayAfterFiveFailuresAndIsFreeOnceItPassed() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            fail("maija", "10.0.0.1");
        }
        assertThat(throttle.waitFor("maija", "10.0.0.1")).isZero();
        fail("maija", "10.0.0.1");
        assertThat(throttle.waitFor("maija", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("MAIJA", "10.0.0.1")).as("names without case").isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("maija", "10.0.0.2")).as("another address").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("maija", "10.0.0.1")).isZero();
        fail("maija", "10.0.0.1");
        assertThat(throttle.waitFor("maija", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            fail("maija", "10.0.0.1");
        }
        assertThat(throttle.waitFor("maija", "10.0.0.1")).as("at most 15 minutes").isEqualTo(Duration.ofMinutes(15));
        clock.advance(LoginThrottle.FORGET_AFTER);
        assertThat(throttle.waitFor("maija", "10.0.0.1")).isZero();
        fail("maija", "10.0.0.1");
        assertThat(throttle.waitFor("maija", "10.0.0.1")).as("a day later the count starts over").isZero();
    }

    @Test
    void someoneTryingNamesBehindANatDoesNotLockOutTheOthersThere() {
        succeed("colleague", "192.0.2.7");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            fail("name-" + i, "192.0.2.7");
        }
        assertThat(throttle.waitFor("name-99", "192.0.2.7")).as("the next name from that address waits")
                .isPositive();
        assertThat(throttle.waitFor("colleague", "192.0.2.7")).as("who signed in from there before does not")
                .isZero();
        assertThat(throttle.waitFor("name-99", "198.51.100.1")).as("nor does any other address").isZero();
        succeed("intruder", "192.0.2.7"); // the guesser's own account
        assertThat(throttle.waitFor("name-100", "192.0.2.7")).as("and a success does not reset the count")
                .isPositive();
    }

    @Test
    void oneAccountGuessedFromManyAddressesWaitsEverywhereButAtItsUsualPlace() {
        succeed("maija", "203.0.113.5");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ACCOUNT; i++) {
            fail("maija", "198.51.100." + i);
        }
        assertThat(throttle.waitFor("maija", "198.51.100.250")).as("a new address waits").isPositive();
        assertThat(throttle.waitFor("maija", "203.0.113.5")).as("her usual address does not").isZero();
        assertThat(throttle.waitFor("olli", "198.51.100.250")).as("other accounts do not").isZero();
    }

    @Test
    void aUsualAddressStillCountsItsOwnFailures() {
        succeed("maija", "203.0.113.5");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            fail("maija", "203.0.113.5");
        }
        assertThat(throttle.waitFor("maija", "203.0.113.5")).isPositive();
    }
}
