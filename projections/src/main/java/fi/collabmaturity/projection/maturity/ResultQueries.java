package fi.collabmaturity.projection.maturity;

/**
 * The questions the maturity results answer, sent through Axon's query gateway and answered by
 * {@link MaturityQueryHandlers}. The caller has checked that the study, area and wave exist and may be seen.
 */
public final class ResultQueries {

    private ResultQueries() {
    }

    public record ProfileQuery(String studyId, String areaId, String waveId) {
    }

    /** {@code regionCode} and {@code interfaceTheme} filter the rows; null for all. */
    public record OverviewQuery(String studyId, String waveId, String regionCode, String interfaceTheme) {
    }

    public record TrajectoryQuery(String studyId, String areaId) {
    }

    /** {@code waveId} null: at the latest wave with evidence. */
    public record PathQuery(String studyId, String areaId, String waveId, String language) {
    }

    /** {@code waveId} null: the whole study. */
    public record ReliabilityQuery(String studyId, String waveId) {
    }
}
