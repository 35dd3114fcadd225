package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.api.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionBucketsTest {

    final TestClock clock = new TestClock(Instant.parse("2026-05-04T09:00:00Z"));
    final SubmissionBuckets buckets = new SubmissionBuckets(200, 200, clock);

    @Test
    void aBurstPassesThenOneAddressWaitsWhileAnotherDoesNot() {
        for (int i = 0; i < 200; i++) {
            assertThat(buckets.take("198.51.100.7")).as("answer " + (i + 1)).isZero();
        }
        Duration wait = buckets.take("198.51.100.7");
        assertThat(wait).isEqualTo(Duration.ofSeconds(18));
        assertThat(buckets.take("203.0.113.9")).isZero();
    }

    @Test
    void theBucketRefillsContinuouslyAndNeverAboveTheBurst() {
        for (int i = 0; i < 200; i++) {
            buckets.take("a");
        }
        clock.advance(Duration.ofSeconds(17));
        assertThat(buckets.take("a")).as("a refused attempt takes nothing").isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
        clock.advance(Duration.ofDays(2));
        for (int i = 0; i < 200; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isPositive();
    }
}
