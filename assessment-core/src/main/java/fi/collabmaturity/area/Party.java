package fi.collabmaturity.area;

/** An organisation taking part in a collaboration: its type, its name and optionally a code (e.g. a municipality number). */
public record Party(String type, String name, String code) {
}
