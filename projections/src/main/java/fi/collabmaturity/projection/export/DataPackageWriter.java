package fi.collabmaturity.projection.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * datapackage.json: a Frictionless Data Package v2 (profile {@code https://datapackage.org/profiles/2.0/
 * datapackage.json}) with one tabular resource per CSV: its dialect, size and SHA-256, and a Table Schema with the
 * field types, constraints, {@code missingValues: [""]}, primary and foreign keys, and for coded fields the codes as
 * v2 {@code categories} with an English {@code label}. Finnish and English labels are in the extension property
 * {@code labels: {fi, en}} on fields and categories.
 */
final class DataPackageWriter {

    static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

    private final StudyExportData data;
    private final ExportPoint point;
    private final String productVersion;

    DataPackageWriter(StudyExportData data, ExportPoint point, String productVersion) {
        this.data = data;
        this.point = point;
        this.productVersion = productVersion;
    }

    void write(List<WrittenTable> tables, OutputStream out) throws IOException {
        ObjectNode root = JsonFiles.object();
        root.put("$schema", PROFILE);
        root.put("name", data.study().studyId().toLowerCase(java.util.Locale.ROOT));
        root.put("id", "collab-maturity:" + data.study().studyId() + ":" + point.positionKind() + ":"
                + point.position());
        root.put("title", data.study().title());
        root.put("description", (data.study().description() == null || data.study().description().isBlank()
                ? "" : data.study().description() + "\n\n")
                + "Longitudinal export of study " + data.study().studyId() + " at " + ExportDescription.point(point)
                + ". " + ExportDescription.MISSING.en() + " " + ExportDescription.WITHDRAWN.en() + " "
                + ExportDescription.ERASED.en() + " " + ExportDescription.PRIVACY.en());
        ArrayNode keywords = root.putArray("keywords");
        for (String k : List.of("collaboration maturity", "wellbeing services counties", "municipalities",
                "Keast & Mandell", data.framework().id())) {
            keywords.add(k);
        }
        ArrayNode sources = root.putArray("sources");
        sources.addObject().put("title", "collab-maturity " + productVersion + " event log, "
                + ExportDescription.point(point));
        sources.addObject().put("title", data.framework().source());
        ArrayNode resources = root.putArray("resources");
        for (WrittenTable table : tables) {
            resources.add(resource(table));
        }
        JsonFiles.write(root, out);
    }

    private ObjectNode resource(WrittenTable table) {
        TableDefinition d = table.definition();
        ObjectNode r = JsonFiles.object();
        r.put("name", d.name());
        r.put("type", "table");
        r.put("path", d.fileName());
        r.put("title", d.title().en());
        r.put("description", d.description().en() + " " + ExportDescription.SPREADSHEET_SAFE.en());
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        r.put("bytes", table.file().bytes());
        r.put("hash", "sha256:" + table.file().sha256());
        ObjectNode dialect = r.putObject("dialect");
        dialect.put("header", true);
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\n");
        dialect.put("quoteChar", "\"");
        dialect.put("doubleQuote", true);
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Column c : d.columns()) {
            fields.add(field(c));
        }
        schema.putArray("missingValues").add("");
        ArrayNode primaryKey = schema.putArray("primaryKey");
        d.primaryKey().forEach(primaryKey::add);
        if (!d.foreignKeys().isEmpty()) {
            ArrayNode foreignKeys = schema.putArray("foreignKeys");
            for (ForeignKey fk : d.foreignKeys()) {
                ObjectNode key = foreignKeys.addObject();
                key.putArray("fields").add(fk.column());
                ObjectNode reference = key.putObject("reference");
                reference.put("resource", fk.table());
                reference.putArray("fields").add(fk.referencedColumn());
            }
        }
        return r;
    }

    private static ObjectNode field(Column c) {
        ObjectNode f = JsonFiles.object();
        f.put("name", c.name());
        f.put("type", c.type().frictionless());
        f.put("title", c.label().en());
        f.put("description", c.description().en());
        labels(f, c.label());
        ObjectNode constraints = f.putObject("constraints");
        constraints.put("required", c.required());
        if (c.minimum() != null) {
            number(constraints, "minimum", c.minimum());
        }
        if (c.maximum() != null) {
            number(constraints, "maximum", c.maximum());
        }
        if (!c.categories().isEmpty()) {
            ArrayNode allowed = constraints.putArray("enum");
            ArrayNode categories = f.putArray("categories");
            for (Category category : c.categories()) {
                ObjectNode item = categories.addObject();
                if (c.type() == ColumnType.INTEGER) {
                    allowed.add(Integer.parseInt(category.value()));
                    item.put("value", Integer.parseInt(category.value()));
                } else {
                    allowed.add(category.value());
                    item.put("value", category.value());
                }
                item.put("label", category.label().en());
                labels(item, category.label());
            }
            if (c.ordered()) {
                f.put("categoriesOrdered", true);
            }
        }
        return f;
    }

    private static void labels(ObjectNode node, Bilingual text) {
        ObjectNode labels = node.putObject("labels");
        labels.put("fi", text.fi());
        labels.put("en", text.en());
    }

    private static void number(ObjectNode node, String name, Number value) {
        if (value instanceof java.math.BigDecimal big) {
            node.put(name, big);
        } else if (value instanceof Double || value instanceof Float) {
            node.put(name, value.doubleValue());
        } else {
            node.put(name, value.longValue());
        }
    }
}
