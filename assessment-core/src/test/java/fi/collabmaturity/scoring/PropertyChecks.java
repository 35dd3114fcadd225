package fi.collabmaturity.scoring;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-check harness on plain JUnit Jupiter: runs a property against many generated cases and, when
 * one fails, reports the case and the seed that regenerates it.
 *
 * <p>Every run uses the same master seed by default, so a build is reproducible (the same cases every time, like
 * every other number in this product); {@code -Dscoring.properties.seed=N} explores other cases and
 * {@code -Dscoring.properties.tries=N} changes how many. {@code -Dscoring.properties.case=S} replays the one case
 * whose seed a failure reported.
 */
final class PropertyChecks {

    static final long SEED = Long.getLong("scoring.properties.seed", 20_231_101L);
    static final int TRIES = Integer.getInteger("scoring.properties.tries", 1000);
    private static final String CASE = System.getProperty("scoring.properties.case");

    private PropertyChecks() {
    }

    /** Whether this run replays one reported case rather than generating many. */
    static boolean replaying() {
        return CASE != null;
    }

    /** Checks {@code property} for {@link #TRIES} cases made by {@code generator}; fails on the first that fails. */
    static <T> void forAll(Function<SplittableRandom, T> generator, Consumer<T> property) {
        if (CASE != null) {
            check(Long.parseLong(CASE), -1, generator, property);
            return;
        }
        SplittableRandom master = new SplittableRandom(SEED);
        for (int i = 0; i < TRIES; i++) {
            check(master.nextLong(), i, generator, property);
        }
    }

    private static <T> void check(long caseSeed, int index, Function<SplittableRandom, T> generator,
                                  Consumer<T> property) {
        T value = generator.apply(new SplittableRandom(caseSeed));
        try {
            property.accept(value);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property failed on case " + index + " (master seed " + SEED
                    + "; replay with -Dscoring.properties.case=" + caseSeed + "):\n" + value + "\n" + e.getMessage(),
                    e);
        }
    }
}
