package fi.collabmaturity.framework;

/**
 * What a dimension looks like at one stage. {@code anchor} groups stages whose descriptors are the same text:
 * the instrument shows them as one anchor and cannot tell them apart (the {@code power} row of Keast & Mandell).
 */
public record Descriptor(int stage, int anchor, Localized texts) {
}
