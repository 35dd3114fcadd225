package fi.collabmaturity.projection.export;

/** The types a column can have, with their names in Frictionless Table Schema and in DDI. */
public enum ColumnType {
    STRING("string", "character", false),
    INTEGER("integer", "numeric", false),
    NUMBER("number", "numeric", true),
    DATE("date", "character", false),
    BOOLEAN("boolean", "character", false);

    private final String frictionless;
    private final String ddiFormat;
    private final boolean continuous;

    ColumnType(String frictionless, String ddiFormat, boolean continuous) {
        this.frictionless = frictionless;
        this.ddiFormat = ddiFormat;
        this.continuous = continuous;
    }

    public String frictionless() {
        return frictionless;
    }

    /** DDI {@code varFormat/@type}: numeric or character. */
    public String ddiFormat() {
        return ddiFormat;
    }

    /** DDI {@code var/@intrvl}: contin for measurements, discrete for everything else. */
    public boolean continuous() {
        return continuous;
    }
}
