package fi.collabmaturity.api.security;

import fi.collabmaturity.projection.maturity.PathResult;

/**
 * Whom a study's results are shaped for. Researchers of the study and admins see everything they record and the
 * theme codes behind the results; viewers see aggregated results only (API.md: VIEWER "reads aggregates and
 * dashboards"): no codes, no names of coders, interviewers or members, no individual answers or findings.
 */
public enum Audience {
    RESEARCHERS, VIEWERS;

    /** The maturity path as this audience may see it: for viewers without the theme codes behind each target. */
    public PathResult path(PathResult path) {
        return this == RESEARCHERS ? path : path.withoutCodes();
    }
}
