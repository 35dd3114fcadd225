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
    static final String QUESTIONNAIRES = "questionnaires";
    /** The links of questionnaires by their token's hash, for the public form. */
    static final String QUESTIONNAIRE_LINKS = "questionnaire_links";
    /** The answers of questionnaires by their withdrawal code's hash, for withdrawal by code. */
    static final String QUESTIONNAIRE_CODES = "questionnaire_codes";
    /**
     * The self-assessments of one respondent of an area in a wave, by {@code _id} (the embedded store ignores
     * secondary indexes, and a query by those fields read every self-assessment on each submission).
     */
    static final String RESPONDENT_ANSWERS = "respondent_answers";
    static final String[] ALL = {STUDIES, AREAS, INTERVIEWS, SELF_ASSESSMENTS, THEMES, ACCOUNTS, QUESTIONNAIRES,
            QUESTIONNAIRE_LINKS, QUESTIONNAIRE_CODES, RESPONDENT_ANSWERS};

    private StudiesCollections() {
    }
}
