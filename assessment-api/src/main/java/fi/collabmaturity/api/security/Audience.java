package fi.collabmaturity.api.security;

import org.bson.Document;

import java.util.List;

/**
 * Whom a study's results are shaped for. Researchers of the study and admins see everything they record and the
 * theme codes behind the results; viewers see aggregated results only (API.md: VIEWER "reads aggregates and
 * dashboards"): no codes, no names of coders, interviewers or members, no individual answers or findings.
 * Results kept for reuse are kept per audience, so that one computed for a researcher never reaches a viewer.
 */
public enum Audience {
    RESEARCHERS, VIEWERS;

    /** The maturity path as this audience may see it: for viewers without the theme codes behind each target. */
    public Document path(Document path) {
        if (this == RESEARCHERS) {
            return path;
        }
        List<Document> targets = path.getList("targets", Document.class, List.of()).stream().map(t -> {
            Document target = new Document(t);
            target.remove("relatedCodes");
            return target;
        }).toList();
        Document shaped = new Document(path);
        shaped.put("targets", targets);
        return shaped;
    }
}
