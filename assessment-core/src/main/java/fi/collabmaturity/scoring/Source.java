package fi.collabmaturity.scoring;

/** Where evidence comes from: the researchers' reading of interviews, or people's own self-assessments. */
public enum Source {
    INTERVIEWS("interviews", "interviews"),
    SELF_ASSESSMENTS("selfAssessments", "self_assessments");

    private final String jsonName;
    private final String code;

    Source(String jsonName, String code) {
        this.jsonName = jsonName;
        this.code = code;
    }

    /** The field name in API responses. */
    public String jsonName() {
        return jsonName;
    }

    /** The code in exports. */
    public String code() {
        return code;
    }
}
