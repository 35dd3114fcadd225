package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Dimension;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * codes.qdc: the theme codes of the study's findings (those that count: latest codings, withdrawn findings left
 * out) as a REFI-QDA codebook ({@code urn:QDA-XML:codebook:1.0}) that NVivo, ATLAS.ti and MAXQDA import. The codes
 * hang under one parent code "Theme codes", so that the codebook is valid even before anything was coded; one set
 * per framework dimension groups the codes used on it. GUIDs are name-based, from the code text.
 */
final class QdcCodebookWriter {

    static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";
    static final String PARENT = "Theme codes / Teemakoodit";

    private final StudyExportData data;
    private final ExportPoint point;
    private final String productVersion;

    QdcCodebookWriter(StudyExportData data, ExportPoint point, String productVersion) {
        this.data = data;
        this.point = point;
        this.productVersion = productVersion;
    }

    /** GUID of a theme code: the same code text gives the same GUID everywhere. */
    static String guid(String code) {
        return NameBasedUuid.of("theme-code:" + code).toString();
    }

    void write(OutputStream out) throws IOException {
        // code → dimension → number of findings; sorted, so that the file never depends on the fold's order
        Map<String, Map<String, Integer>> usage = new TreeMap<>();
        for (FindingRecord f : data.findings()) {
            for (String code : f.codes()) {
                usage.computeIfAbsent(code, c -> new TreeMap<>()).merge(f.dimension(), 1, Integer::sum);
            }
        }
        XmlWriter xml = new XmlWriter(out);
        xml.root("CodeBook", NAMESPACE).attribute("origin", "collab-maturity " + productVersion);
        xml.start("Codes");
        xml.start("Code").attribute("guid", NameBasedUuid.of("theme-codes").toString()).attribute("name", PARENT)
                .attribute("isCodable", "false");
        xml.element("Description", "Theme codes of the findings of study " + data.study().studyId() + " as of "
                + ExportDescription.point(point) + ". / Tutkimuksen havaintojen teemakoodit.");
        for (Map.Entry<String, Map<String, Integer>> code : usage.entrySet()) {
            int total = code.getValue().values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder where = new StringBuilder();
            for (Dimension d : data.framework().dimensions()) {
                Integer n = code.getValue().get(d.code());
                if (n != null) {
                    where.append(where.isEmpty() ? "" : ", ").append(d.code()).append(' ').append(n);
                }
            }
            xml.start("Code").attribute("guid", guid(code.getKey())).attribute("name", code.getKey())
                    .attribute("isCodable", "true");
            xml.element("Description", "Used in " + total + (total == 1 ? " finding" : " findings") + " ("
                    + where + ").");
            xml.end();
        }
        xml.end(); // parent code
        xml.end(); // Codes
        xml.start("Sets");
        for (Dimension d : data.framework().dimensions()) {
            xml.start("Set").attribute("guid", NameBasedUuid.of("dimension:" + data.framework().id() + ":"
                    + d.code()).toString()).attribute("name", d.labels().en() + " / " + d.labels().fi());
            xml.element("Description", "Theme codes used on the dimension " + d.code() + " of "
                    + data.framework().id() + ".");
            List<String> members = usage.entrySet().stream().filter(e -> e.getValue().containsKey(d.code()))
                    .map(Map.Entry::getKey).toList();
            for (String code : members) {
                xml.empty("MemberCode").attribute("guid", guid(code));
            }
            xml.end();
        }
        xml.end(); // Sets
        xml.finish();
    }
}
