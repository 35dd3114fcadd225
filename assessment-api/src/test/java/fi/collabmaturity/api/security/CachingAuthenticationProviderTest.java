package fi.collabmaturity.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger checks = new AtomicInteger();
    private volatile String password = "secret";
    /** Runs inside the password check, as another request arriving while it runs. */
    private volatile Runnable duringCheck = () -> { };

    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            duringCheck.run();
            if (!password.equals(request.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(passwords, now::get);

    @Test
    void checksAPasswordOnceAMinuteAndNeverCachesAWrongOne() {
        assertThat(provider.authenticate(signIn("secret")).isAuthenticated()).isTrue();
        now.addAndGet(CachingAuthenticationProvider.TTL_NANOS - 1);
        assertThat(provider.authenticate(signIn("secret")).isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);

        assertThatThrownBy(() -> provider.authenticate(signIn("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(signIn("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void whileOneRequestChecksAnExpiredSignInAgainTheOthersUseItAsItStands() {
        provider.authenticate(signIn("secret"));
        now.addAndGet(CachingAuthenticationProvider.TTL_NANOS);
        List<Authentication> meanwhile = new ArrayList<>();
        duringCheck = () -> {
            for (int i = 0; i < 7; i++) {
                meanwhile.add(provider.authenticate(signIn("secret")));
            }
        };
        assertThat(provider.authenticate(signIn("secret")).isAuthenticated()).isTrue();
        assertThat(meanwhile).hasSize(7).allMatch(Authentication::isAuthenticated);
        assertThat(checks).as("one check for eight requests").hasValue(2);

        duringCheck = () -> { };
        provider.authenticate(signIn("secret"));
        assertThat(checks).as("the check renewed the sign-in for another minute").hasValue(2);
    }

    @Test
    void aFailedCheckAgainEndsTheSignIn() {
        provider.authenticate(signIn("secret"));
        now.addAndGet(CachingAuthenticationProvider.TTL_NANOS);
        password = "changed elsewhere";
        assertThatThrownBy(() -> provider.authenticate(signIn("secret"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(signIn("secret"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aSignInUnusedPastTheGraceIsCheckedByEveryRequestUntilOneSucceeds() {
        provider.authenticate(signIn("secret"));
        now.addAndGet(CachingAuthenticationProvider.TTL_NANOS + CachingAuthenticationProvider.GRACE_NANOS);
        AtomicBoolean arrived = new AtomicBoolean();
        duringCheck = () -> {
            if (arrived.compareAndSet(false, true)) {
                provider.authenticate(signIn("secret"));
            }
        };
        provider.authenticate(signIn("secret"));
        assertThat(checks).as("past the grace nothing is taken on trust").hasValue(3);
    }

    @Test
    void forgettingAUserEndsTheirSignIns() {
        provider.authenticate(signIn("secret"));
        provider.forget("researcher");
        provider.authenticate(signIn("secret"));
        assertThat(checks).hasValue(2);
    }

    private static Authentication signIn(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("researcher", password);
    }
}
