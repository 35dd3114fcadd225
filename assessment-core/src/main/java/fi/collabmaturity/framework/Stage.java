package fi.collabmaturity.framework;

/** One stage of the continuum: a number (1 = lowest) and a code such as {@code cooperation}. */
public record Stage(int number, String code, Localized labels) {
}
