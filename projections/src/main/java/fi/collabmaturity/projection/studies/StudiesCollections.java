package fi.collabmaturity.projection.studies;

/** The collections of the studies projection. */
public final class StudiesCollections {

    public static final String PROCESSOR = "studies";
    static final String STUDIES = "studies";
    static final String AREAS = "areas";
    static final String INTERVIEWS = "interviews";
    static final String SELF_ASSESSMENTS = "self_assessments";
    static final String THEMES = "interface_themes";
    static final String ACCOUNTS = "accounts";
    static final String[] ALL = {STUDIES, AREAS, INTERVIEWS, SELF_ASSESSMENTS, THEMES, ACCOUNTS};

    private StudiesCollections() {
    }
}
