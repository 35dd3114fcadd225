package fi.collabmaturity.projection.maturity;

/** The collections of the maturity projection. It keeps its own copy of what it needs, so it can be replayed alone. */
final class MaturityCollections {

    static final String PROCESSOR = "maturity";
    /** {_id: studyId, frameworkId, frameworkVersion, waves: {waveId: {label, opensOn, closesOn}}} */
    static final String STUDIES = "maturity_studies";
    /** {_id: studyId/areaId, studyId, areaId, name, regionCode, interfaceTheme, targetProfile, targetProfiles} */
    static final String AREAS = "maturity_areas";
    /** {_id: studyId/areaId/waveId, selfAssessments: {id: {respondent, answers, withdrawn}}, findings: {...}} */
    static final String EVIDENCE = "maturity_evidence";
    /** {@link StoredProfile}: one per registered area and wave, {_id: studyId/areaId/waveId}. */
    static final String PROFILES = "maturity_profiles";
    /**
     * {@link StoredOverviewCell}: an area's row of a wave's overview, one per registered area and wave, so that the
     * overview of a wave is one indexed query and a batch rewrites only the rows of the areas it touched.
     */
    static final String OVERVIEWS = "maturity_overviews";

    /**
     * {_id: studyId/areaId/waveId, studyId, areaId, waveId, codings: {interviewId:findingId: {unit, dimension,
     * coder, stage, withdrawn}}}: the double coding, per area so that no document grows with the whole study (layout
     * 1 kept one per wave: 19,440 codings, 3 MB, at national scale, rewritten by every batch of findings and over
     * MongoDB's 16 MB limit at ten times that). A recoding or withdrawal of a finding without a segment id leaves
     * an entry without a unit (and perhaps a document without ids), which the reliability skips.
     */
    static final String CODINGS = "maturity_codings";

    /** {@link StoredTrajectory}: one per area, {_id: studyId/areaId}. */
    static final String TRAJECTORIES = "maturity_trajectories";
    /** {@link StoredPath}: per area, wave (and the latest wave with evidence) and language. */
    static final String PATHS = "maturity_paths";

    static final String[] ALL = {STUDIES, AREAS, EVIDENCE, PROFILES, OVERVIEWS, CODINGS, TRAJECTORIES, PATHS};

    private MaturityCollections() {
    }
}
