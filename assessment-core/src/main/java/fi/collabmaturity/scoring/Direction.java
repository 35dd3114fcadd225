package fi.collabmaturity.scoring;

/**
 * Which way a score moved from one wave to the next. A change is only called up or down when it is larger than the
 * instrument can be trusted to tell apart: at least the study's change threshold (default 0.25, half a step of
 * the answer scale), and, where both waves' scores have an interval, with intervals that do not overlap.
 */
public enum Direction {
    UP("up"),
    FLAT("flat"),
    DOWN("down");

    /** The test that decided a direction. */
    public enum Test {
        /** The change is smaller than the threshold: flat; or, with no intervals to compare, it is not: up or down. */
        THRESHOLD("threshold"),
        /** The change reaches the threshold and the two waves' intervals overlap (flat) or lie apart (up, down). */
        INTERVALS("intervals");

        private final String code;

        Test(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A direction with the test that decided it. */
    public record Decision(Direction direction, Test decidedBy) {
    }

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The code in API responses and exports. */
    public String code() {
        return code;
    }

    /**
     * The direction of a change between two waves, or null without one. The change is compared in reported
     * (3-decimal) terms, so that the exported numbers decide it the same way.
     *
     * @param previousLow  and the other interval ends: null where a wave's score has no interval
     */
    public static Decision of(Double change, double threshold, Double previousLow, Double previousHigh,
                              Double currentLow, Double currentHigh) {
        if (change == null) {
            return null;
        }
        double reported = Numbers.reported(change);
        if (reported == 0 || Double.compare(Math.abs(reported), Numbers.reported(threshold)) < 0) {
            return new Decision(FLAT, Test.THRESHOLD);
        }
        Direction moved = reported > 0 ? UP : DOWN;
        if (previousLow == null || previousHigh == null || currentLow == null || currentHigh == null) {
            return new Decision(moved, Test.THRESHOLD);
        }
        boolean overlap = Numbers.reported(currentLow) <= Numbers.reported(previousHigh)
                && Numbers.reported(previousLow) <= Numbers.reported(currentHigh);
        return new Decision(overlap ? FLAT : moved, Test.INTERVALS);
    }
}
