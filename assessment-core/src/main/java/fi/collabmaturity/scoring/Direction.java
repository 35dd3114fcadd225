package fi.collabmaturity.scoring;

/** Which way a score moved from one wave to the next. */
public enum Direction {
    UP("up"),
    FLAT("flat"),
    DOWN("down");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The code in API responses and exports. */
    public String code() {
        return code;
    }

    /**
     * The direction of a change, or null without one. The change is denoised first, so that a difference that is
     * zero on paper (2.1 - 2.0 - 0.1) is flat and not a floating-point "up" or "down".
     */
    public static Direction of(Double change) {
        if (change == null) {
            return null;
        }
        int sign = Numbers.compare(change, 0.0);
        return sign > 0 ? UP : sign < 0 ? DOWN : FLAT;
    }
}
