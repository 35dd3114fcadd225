package fi.collabmaturity.projection.export;

/** One code of a coded column and what it means. {@code value} is the code as written in the CSV. */
public record Category(String value, Bilingual label) {
}
