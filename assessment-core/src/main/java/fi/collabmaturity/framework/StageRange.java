package fi.collabmaturity.framework;

/**
 * The stage a result is at: one stage ({@code from == to}), or the stages of one anchor that the instrument cannot
 * tell apart (power's "own power" is {@code 1..2}: cooperation or coordination). Naming the range instead of one of
 * its stages keeps a result from claiming a difference nobody measured.
 */
public record StageRange(int from, int to) {

    public StageRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("a stage range runs upwards from stage 1: " + from + ".." + to);
        }
    }

    public static StageRange of(int stage) {
        return new StageRange(stage, stage);
    }

    public boolean single() {
        return from == to;
    }

    /** The stage number when the range is one stage, else null: no single number is honest for a range. */
    public Integer number() {
        return single() ? from : null;
    }
}
