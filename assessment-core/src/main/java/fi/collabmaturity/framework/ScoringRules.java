package fi.collabmaturity.framework;

/**
 * How a framework version turns evidence into scores beyond its bands. {@code interviewUnit} is what one unit of
 * interview evidence is: {@code segment} (each coded segment, the rule of version 1.0.0) or {@code informant}
 * (each informant, as the mean of their segments).
 */
public record ScoringRules(String interviewUnit) {

    public static final String SEGMENT = "segment";
    public static final String INFORMANT = "informant";

    /** The rules of a framework that names none: those of keast-mandell-2014 1.0.0. */
    public static final ScoringRules SEGMENTS = new ScoringRules(SEGMENT);

    public boolean informantIsUnit() {
        return INFORMANT.equals(interviewUnit);
    }
}
