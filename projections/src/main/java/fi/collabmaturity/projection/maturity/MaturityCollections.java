package fi.collabmaturity.projection.maturity;

/** The collections of the maturity projection. It keeps its own copy of what it needs, so it can be replayed alone. */
final class MaturityCollections {

    static final String PROCESSOR = "maturity";
    /** {_id: studyId, frameworkId, frameworkVersion, waves: {waveId: {label, opensOn, closesOn}}} */
    static final String STUDIES = "maturity_studies";
    /** {_id: studyId/areaId, studyId, areaId, name, regionCode, interfaceTheme, targetProfile} */
    static final String AREAS = "maturity_areas";
    /** {_id: studyId/areaId/waveId, selfAssessments: {id: {respondent, answers, withdrawn}}, findings: {...}} */
    static final String EVIDENCE = "maturity_evidence";
    /** {_id: studyId/areaId/waveId, profile in the API's shape, raw unrounded scores, related codes} */
    static final String PROFILES = "maturity_profiles";
    /** {_id: studyId/waveId, areas: {areaId: {overall, dimensions}}}: one read for the overview */
    static final String OVERVIEWS = "maturity_overviews";

    /** {_id: studyId/waveId, codings: {interviewId:findingId: {unit, dimension, coder, stage, withdrawn}}}: double coding */
    static final String CODINGS = "maturity_codings";

    static final String[] ALL = {STUDIES, AREAS, EVIDENCE, PROFILES, OVERVIEWS, CODINGS};

    private MaturityCollections() {
    }
}
