package fi.collabmaturity.projection.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * codebook-ddi.xml: a DDI Codebook 2.5 description of the export (namespace {@code ddi:codebook:2_5}): the study
 * and how to cite it, one file description per CSV with its row and column counts, and every column of every file
 * as a variable with labels, descriptions and value labels in Finnish and English. Element order follows the XSD.
 */
final class DdiCodebookWriter {

    static final String NAMESPACE = "ddi:codebook:2_5";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA_LOCATION =
            "ddi:codebook:2_5 http://www.ddialliance.org/Specification/DDI-Codebook/2.5/XMLSchema/codebook.xsd";

    private final StudyExportData data;
    private final ExportPoint point;
    private final String productVersion;

    DdiCodebookWriter(StudyExportData data, ExportPoint point, String productVersion) {
        this.data = data;
        this.point = point;
        this.productVersion = productVersion;
    }

    void write(List<WrittenTable> tables, OutputStream out) throws IOException {
        XmlWriter xml = new XmlWriter(out);
        xml.root("codeBook", NAMESPACE).namespace("xsi", XSI).attribute("xsi", XSI, "schemaLocation", SCHEMA_LOCATION)
                .attribute("version", "2.5").attribute("ID", "export-" + data.study().studyId()).lang("en");
        studyDescription(xml);
        for (WrittenTable table : tables) {
            fileDescription(xml, table);
        }
        xml.start("dataDscr");
        for (WrittenTable table : tables) {
            for (Column column : table.definition().columns()) {
                variable(xml, table.definition(), column);
            }
        }
        xml.end();
        xml.finish();
    }

    private void studyDescription(XmlWriter xml) throws IOException {
        xml.start("stdyDscr").start("citation");
        xml.start("titlStmt").element("titl", data.study().title())
                .start("IDNo").attribute("agency", "collab-maturity").text(data.study().studyId()).leaf()
                .end();
        xml.start("prodStmt").start("software").attribute("version", productVersion).text("collab-maturity").leaf()
                .end();
        xml.start("verStmt").start("version").attribute("type", "event-log-point")
                .attribute("date", ExportDescription.time(point.time())).text(ExportDescription.point(point)).leaf()
                .end();
        xml.element("biblCit", ExportDescription.citation(data, point, productVersion));
        xml.end(); // citation
        xml.start("stdyInfo");
        if (data.study().description() != null && !data.study().description().isBlank()) {
            xml.element("abstract", data.study().description());
        }
        xml.element("abstract", "fi", "Kuntien ja hyvinvointialueiden yhteistyön kypsyys yhdyspinnoittain ja "
                + "mittausaalloittain kehyksellä " + data.framework().title().fi() + ": teemahaastattelujen "
                + "koodatut havainnot, itsearvioinnit ja niistä lasketut pistemäärät.");
        xml.element("abstract", "en", "The maturity of collaboration between municipalities and wellbeing services "
                + "counties, by interface area and measurement wave, on " + data.framework().title().en()
                + ": coded theme-interview findings, self-assessments and the scores computed from them.");
        xml.start("sumDscr");
        xml.element("nation", "fi", "Suomi");
        xml.element("nation", "en", "Finland");
        xml.element("anlyUnit", "fi", "Yhteistyöalue × mittausaalto × ulottuvuus; vastaaja; haastatteluhavainto.");
        xml.element("anlyUnit", "en", "Collaboration area × wave × dimension; respondent; interview finding.");
        xml.element("dataKind", "en", "Self-assessment survey data, coded qualitative interview data, derived scores.");
        xml.end(); // sumDscr
        xml.end(); // stdyInfo
        xml.start("dataAccs").start("useStmt");
        xml.element("restrctn", "fi", ExportDescription.PRIVACY.fi());
        xml.element("restrctn", "en", ExportDescription.PRIVACY.en());
        xml.element("citReq", "en", ExportDescription.citation(data, point, productVersion));
        xml.end().end();
        for (Bilingual note : List.of(ExportDescription.MISSING, ExportDescription.WITHDRAWN,
                ExportDescription.ERASED)) {
            xml.element("notes", "fi", note.fi());
            xml.element("notes", "en", note.en());
        }
        xml.end(); // stdyDscr
    }

    private void fileDescription(XmlWriter xml, WrittenTable table) throws IOException {
        TableDefinition d = table.definition();
        xml.start("fileDscr").attribute("ID", fileId(d)).attribute("URI", d.fileName());
        xml.start("fileTxt");
        xml.element("fileName", d.fileName());
        xml.element("fileCont", "en", d.title().en() + ". " + d.description().en());
        xml.start("dimensns")
                .element("caseQnty", Long.toString(table.rows()))
                .element("varQnty", Integer.toString(d.columns().size()))
                .end();
        xml.start("fileType").attribute("charset", "UTF-8").text("text/csv").leaf();
        xml.element("format", "CSV (RFC 4180, comma, \\n line ends, header row, empty cell = missing)");
        xml.end(); // fileTxt
        xml.element("notes", "fi", d.title().fi() + ". " + d.description().fi() + " "
                + ExportDescription.SPREADSHEET_SAFE.fi());
        xml.element("notes", "en", "Primary key: " + String.join(", ", d.primaryKey()) + ". SHA-256: "
                + table.file().sha256() + ". " + ExportDescription.SPREADSHEET_SAFE.en());
        xml.end();
    }

    private void variable(XmlWriter xml, TableDefinition table, Column c) throws IOException {
        xml.start("var").attribute("ID", "V_" + table.name() + "_" + c.name()).attribute("name", c.name())
                .attribute("files", fileId(table)).attribute("intrvl", c.type().continuous() ? "contin" : "discrete");
        if (c.type() == ColumnType.NUMBER && "scores_long".equals(table.name())) {
            xml.attribute("dcml", "3");
        }
        xml.element("labl", "fi", c.label().fi());
        xml.element("labl", "en", c.label().en());
        if (c.minimum() != null || c.maximum() != null) {
            xml.start("valrng").empty("range")
                    .attribute("UNITS", c.type() == ColumnType.NUMBER ? "REAL" : "INT")
                    .attribute("min", c.minimum() == null ? null : c.minimum().toString())
                    .attribute("max", c.maximum() == null ? null : c.maximum().toString())
                    .end();
        }
        xml.element("txt", "fi", c.description().fi() + (c.required() ? "" : " Voi puuttua (tyhjä)."));
        xml.element("txt", "en", c.description().en() + (c.required() ? "" : " May be missing (empty)."));
        for (Category category : c.categories()) {
            xml.start("catgry").element("catValu", category.value())
                    .element("labl", "fi", category.label().fi())
                    .element("labl", "en", category.label().en())
                    .end();
        }
        xml.empty("varFormat").attribute("type", c.type().ddiFormat());
        if (c.type() == ColumnType.DATE) {
            xml.attribute("schema", "ISO").attribute("category", "date").attribute("formatname", "YYYY-MM-DD");
        } else {
            xml.attribute("schema", "other").attribute("formatname", c.type().frictionless());
        }
        xml.end(); // var
    }

    private static String fileId(TableDefinition table) {
        return "F_" + table.name();
    }
}
