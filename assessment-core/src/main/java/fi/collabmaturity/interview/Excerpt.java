package fi.collabmaturity.interview;

/** A quote from an interview: personal data, kept sealed with the informant's key. */
public record Excerpt(String text) {
}
