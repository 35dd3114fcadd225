package fi.collabmaturity.projection.studies;

/** Why, when and by whom a record (a finding, a self-assessment) was withdrawn. */
public record Withdrawal(String reason, String at, String by) {
}
