package fi.collabmaturity.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock running a hundred times slower than real time, from the real now. Tests of the login
 * throttle need "the next attempt comes within the lockout" to hold however slow the build machine is: with this
 * clock the first lockout of one second lasts a hundred real seconds. Everything else that reads the clock sees a
 * time close to now, as it would.
 */
public final class SlowClock extends Clock {

    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Europe/Helsinki"); // as the application's own clock
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return start.plus(Duration.ofNanos((System.nanoTime() - startNanos) / 100));
    }

    /** Import this into a {@code @SpringBootTest} to run its application on the slow clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        Clock slowClock() {
            return new SlowClock();
        }
    }
}
