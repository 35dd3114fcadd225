package fi.collabmaturity.framework;

/**
 * The scores that map to a stage: {@code from} inclusive, {@code to} exclusive, except that the last band also
 * includes the top of the scale.
 */
public record StageBand(int stage, double from, double to) {
}
