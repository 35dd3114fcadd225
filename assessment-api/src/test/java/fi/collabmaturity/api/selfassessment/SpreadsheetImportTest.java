package fi.collabmaturity.api.selfassessment;

import com.fasterxml.jackson.databind.JsonNode;
import fi.collabmaturity.api.storage.eventlog.EventLogPositions;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spreadsheet import over HTTP, with files as Finnish Excel writes them (semicolons, decimal commas, BOM,
 * Windows-1252, XLSX) and a barrage of bad files: each bad one is refused with a problem naming what is wrong, and
 * then the event log has not moved: a refused import records nothing, a real import all of its rows.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetImportTest {

    static final Path dataDir = TestData.freshFolder("import");
    static final String S = "/api/v1/studies/imp";
    static final String IMPORT = S + "/self-assessments/import";
    static final String HEADER = "areaId;waveId;pseudonym;organisationType;actorLevel;"
            + "trust;communication;information_sharing;goals;power;resources;accountability;commitment";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "import-admin-pw");
        registry.add("assessment.import.max-bytes", () -> "40000");
        registry.add("assessment.import.max-rows", () -> "100");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventLogPositions positions;
    ApiClient admin;
    ApiClient researcher;
    ApiClient viewer;
    ApiClient outsider;

    @BeforeAll
    void study() {
        admin = new ApiClient(port, "admin", "import-admin-pw");
        researcher = admin.createAccount("rita", "RESEARCHER");
        viewer = admin.createAccount("vera", "VIEWER");
        outsider = admin.createAccount("otto", "RESEARCHER");
        ok(researcher.post("/api/v1/studies", Slice.study("imp")));
        ok(researcher.post(S + "/members", "{\"username\":\"vera\",\"role\":\"VIEWER\"}"));
        ok(researcher.post(S + "/waves", "{\"id\":\"w1\",\"label\":\"2023\",\"opensOn\":\"2023-09-01\","
                + "\"closesOn\":\"2023-12-31\"}"));
        ok(researcher.post(S + "/waves", "{\"id\":\"w0\",\"label\":\"2022\",\"opensOn\":\"2022-09-01\","
                + "\"closesOn\":\"2022-12-31\"}"));
        ok(researcher.post(S + "/waves/w0/close", "{}"));
        ok(researcher.post(S + "/areas", Slice.area("hyte")));
        ok(researcher.post(S + "/areas", Slice.area("employment").replace("\"hyte\"", "\"employment\"")));
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    /** A CSV as Finnish Excel's "CSV UTF-8" writes it: BOM, semicolons, decimal commas, CRLF, trailing blank row. */
    static byte[] finnishExcelCsv(String... rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        text.append(";;;;;;;;;;;;\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunChecksEveryRowAndRecordsNothing() {
        long head = positions.head();
        ApiClient.Response response = researcher.upload(IMPORT + "?dryRun=true", "vastaukset.csv", "text/csv",
                finnishExcelCsv("hyte;w1;DRY-1;municipality;leadership;2,5;2;1,5;;3;2;2;1",
                        "hyte;w1;DRY-2;wellbeing_services_county;operations;1;1;1;1;1;1;1;1"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("rows").asInt()).isEqualTo(2);
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("rejected")).isEmpty();
        assertThat(positions.head()).as("a dry run appends nothing").isEqualTo(head);
        assertThat(researcher.get(S + "/self-assessments?size=200&minPosition=" + head).body()).doesNotContain("DRY-");
    }

    @Test
    void importsFinnishExcelCsvWithDecimalCommasAllTogether() {
        ApiClient.Response response = researcher.upload(IMPORT, "vastaukset.csv", "text/csv",
                finnishExcelCsv("employment;w1;FI-1;municipality;leadership;2,5;2;1,5;;3;2;2;1",
                        "employment;w1;FI-2;Municipality;Coordination;1;1,5;2;2,5;3;2;;",
                        "employment;w1;FI-3;regional_council;operations;3;3;3;3;3;3;3;3"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo(S + "/self-assessments");
        assertThat(response.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(response.json().path("ids")).hasSize(3);
        JsonNode listed = researcher.get(S + "/self-assessments?areaId=employment&waveId=w1&size=50&minPosition="
                + response.position()).json().path("content");
        JsonNode first = find(listed, "FI-1");
        assertThat(first.path("answers").path("trust").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(first.path("answers").path("information_sharing").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(first.path("answers").has("goals")).as("an empty cell stays missing").isFalse();
        JsonNode second = find(listed, "FI-2");
        assertThat(second.path("respondent").path("organisationType").asText()).isEqualTo("municipality");
        assertThat(second.path("answers").size()).isEqualTo(6);
    }

    @Test
    void importsWindows1252CsvAndCommaSeparatedCsv() {
        String cp1252 = HEADER + "\r\nhyte;w1;Häkkinen-7;parish;operations;2;2;2;2;2;2;2;2\r\n";
        ApiClient.Response ansi = researcher.upload(IMPORT, "ansi.csv", "text/csv",
                cp1252.getBytes(Charset.forName("windows-1252")));
        assertThat(ansi.status()).as(ansi.toString()).isEqualTo(201);
        String commas = HEADER.replace(';', ',') + "\n\"hyte\",w1,COMMA-1,ngo,leadership,2.5,2,,,,,,3\n";
        ApiClient.Response plain = researcher.upload(IMPORT, "plain.csv", "text/csv",
                commas.getBytes(StandardCharsets.UTF_8));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        JsonNode listed = researcher.get(S + "/self-assessments?areaId=hyte&waveId=w1&size=50&minPosition="
                + plain.position()).json().path("content");
        assertThat(find(listed, "Häkkinen-7").path("answers").path("trust").decimalValue()).isEqualByComparingTo("2");
        assertThat(find(listed, "COMMA-1").path("answers").path("trust").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(find(listed, "COMMA-1").path("answers").path("commitment").decimalValue())
                .isEqualByComparingTo("3");
    }

    @Test
    void importsXlsxWithNumbersAndTextNumbers() throws IOException {
        byte[] xlsx = workbook(List.of(
                List.of("employment", "w1", "XL-1", "company", "leadership", 2.5, 2, 1.5, 1, 3, 2, 2, 1),
                List.of("employment", "w1", "XL-2", "ngo", "operations", "2,5", "", "", "", "", "", "", "3")));
        ApiClient.Response response = researcher.upload(IMPORT, "vastaukset.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode listed = researcher.get(S + "/self-assessments?areaId=employment&waveId=w1&size=50&minPosition="
                + response.position()).json().path("content");
        assertThat(find(listed, "XL-1").path("answers").path("trust").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(find(listed, "XL-1").path("answers").size()).isEqualTo(8);
        JsonNode second = find(listed, "XL-2");
        assertThat(second.path("answers").path("trust").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(second.path("answers").size()).isEqualTo(2);
    }

    @Test
    void theTemplateHasTheColumnsAnImportAccepts() {
        ApiClient.Response template = viewer.get(S + "/self-assessments/import-template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith("text/csv");
        assertThat(template.body()).isEqualTo("\uFEFF" + HEADER.replace("actorLevel;",
                "actorLevel;respondent_kind;group_size;") + "\r\n");
        assertThat(outsider.get(S + "/self-assessments/import-template").status()).isEqualTo(404);
        byte[] filled = (template.body() + "hyte;w1;TPL-1;municipality;leadership;;;2;;;;;;;\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(researcher.upload(IMPORT + "?dryRun=true", "t.csv", "text/csv", filled).json()
                .path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithARowByRowReport() {
        long head = positions.head();
        byte[] file = finnishExcelCsv(
                "hyte;w1;OK-1;municipality;leadership;2;2;2;2;2;2;2;2",
                "nowhere;w1;BAD-2;municipality;leadership;2;2;2;2;2;2;2;2",
                "hyte;w0;BAD-3;municipality;leadership;2;2;2;2;2;2;2;2",
                "hyte;w1;BAD-4;municipality;leadership;3,5;abc;2;2;2;2;2;2",
                "hyte;w1;BAD-5;town;boss;2;2;2;2;2;2;2;2",
                "hyte;w1;OK-1;municipality;leadership;1;1;1;1;1;1;1;1",
                "hyte;w1;BAD-7;municipality;leadership;;;;;;;;",
                "hyte;w9;;municipality;leadership;2;;;;;;;");
        ApiClient.Response response = researcher.upload(IMPORT, "bad.csv", "text/csv", file);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("rows").asInt()).isEqualTo(8);
        assertThat(problem.path("accepted").asInt()).isZero();
        JsonNode rejected = problem.path("rejected");
        assertThat(rejected).extracting(r -> r.path("row").asInt()).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(fields(rejected.get(0))).containsExactly("areaId");
        assertThat(fields(rejected.get(1))).containsExactly("waveId");
        assertThat(rejected.get(1).path("errors").get(0).path("message").asText()).contains("closed");
        assertThat(fields(rejected.get(2))).containsExactlyInAnyOrder("trust", "communication");
        assertThat(fields(rejected.get(3))).containsExactlyInAnyOrder("organisationType", "actorLevel");
        assertThat(fields(rejected.get(4))).containsExactly("pseudonym");
        assertThat(rejected.get(4).path("errors").get(0).path("message").asText()).contains("row 2");
        assertThat(fields(rejected.get(5))).containsExactly("answers");
        assertThat(fields(rejected.get(6))).containsExactlyInAnyOrder("pseudonym", "waveId");
        assertThat(positions.head()).as("all or nothing: the good row was not recorded either").isEqualTo(head);

        ApiClient.Response dry = researcher.upload(IMPORT + "?dryRun=true", "bad.csv", "text/csv", file);
        assertThat(dry.status()).as("a dry run reports, it does not refuse").isEqualTo(200);
        assertThat(dry.json().path("rejected")).hasSize(7);
        assertThat(positions.head()).isEqualTo(head);
    }

    @Test
    void badFilesAreRefusedWithAProblemAndRecordNothing() throws IOException {
        long head = positions.head();
        String wrongColumns = "area;wave;pseudonym;organisationType;actorLevel;trust;mood\nhyte;w1;X;ngo;operations;2;3\n";
        assertRefused(upload("wrong.csv", wrongColumns.getBytes(StandardCharsets.UTF_8)), 400, "file.columns");
        String onlyRespondent = "areaId;waveId;pseudonym;organisationType;actorLevel\nhyte;w1;X;ngo;operations\n";
        assertRefused(upload("nodims.csv", onlyRespondent.getBytes(StandardCharsets.UTF_8)), 400, "file.columns");
        assertRefused(upload("empty.csv", new byte[0]), 400, "file");
        assertRefused(upload("bom.csv", "\uFEFF\r\n".getBytes(StandardCharsets.UTF_8)), 400, "file");
        assertRefused(upload("header-only.csv", (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)), 400, "file");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertRefused(upload("picture.png", png), 400, "file");
        String unbalanced = HEADER + "\n\"hyte;w1;Q;ngo;operations;2;2;2;2;2;2;2;2\n";
        ApiClient.Response quote = upload("quote.csv", unbalanced.getBytes(StandardCharsets.UTF_8));
        assertRefused(quote, 400, null);
        assertThat(quote.json().path("rejected").get(0).path("row").asInt())
                .as("an unclosed quote swallows the rest of the file into one cell: that row is refused").isEqualTo(2);
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertRefused(upload("noise.bin", noise), 400, "file");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertRefused(upload("old.xls", xls), 400, "file");
        assertRefused(upload("notreally.xlsx", zipWithout()), 400, "file");
        byte[] truncated = java.util.Arrays.copyOf(workbook(List.of(List.of("hyte", "w1", "T", "ngo", "operations",
                2, 2, 2, 2, 2, 2, 2, 2))), 600);
        assertRefused(upload("truncated.xlsx", truncated), 400, "file");

        StringBuilder huge = new StringBuilder(HEADER).append('\n');
        while (huge.length() < 41000) {
            huge.append("hyte;w1;HUGE;municipality;leadership;2;2;2;2;2;2;2;2\n");
        }
        assertRefused(upload("huge.csv", huge.toString().getBytes(StandardCharsets.UTF_8)), 413, null);
        StringBuilder many = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 101; i++) {
            many.append("hyte;w1;MANY-").append(i).append(";municipality;leadership;2;2;2;2;2;2;2;2\n");
        }
        assertRefused(upload("many.csv", many.toString().getBytes(StandardCharsets.UTF_8)), 413, null);
        ApiClient.Response notMultipart = researcher.send("POST", IMPORT, "text/csv", HEADER);
        assertThat(notMultipart.status()).as(notMultipart.toString()).isIn(400, 415);
        assertThat(positions.head()).as("no refused file recorded anything").isEqualTo(head);
    }

    @Test
    void onlyWritingMembersMayImportAndOutsidersLearnNothing() {
        byte[] file = finnishExcelCsv("hyte;w1;ROLE-1;municipality;leadership;2;2;2;2;2;2;2;2");
        assertThat(viewer.upload(IMPORT, "f.csv", "text/csv", file).status()).isEqualTo(403);
        assertThat(outsider.upload(IMPORT, "f.csv", "text/csv", file).status()).isEqualTo(404);
        assertThat(outsider.upload("/api/v1/studies/nosuch/self-assessments/import", "f.csv", "text/csv", file)
                .status()).isEqualTo(404);
        assertThat(new ApiClient(port, null, null).upload(IMPORT, "f.csv", "text/csv", file).status())
                .isEqualTo(401);
    }

    @Test
    void aRetriedImportWithTheSameIdempotencyKeyIsRecordedOnce() {
        byte[] file = finnishExcelCsv("hyte;w1;RETRY-1;municipality;leadership;2;2;2;2;2;2;2;2",
                "hyte;w1;RETRY-2;municipality;leadership;2;2;2;2;2;2;2;2");
        ApiClient.Response first = researcher.upload(IMPORT, "f.csv", "text/csv", file, "Idempotency-Key", "imp-42");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long head = positions.head();
        ApiClient.Response again = researcher.upload(IMPORT, "f.csv", "text/csv", file, "Idempotency-Key", "imp-42");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("ids")).isEqualTo(first.json().path("ids"));
        assertThat(positions.head()).isEqualTo(head);
        String metrics = admin.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("assessment_import_rows_total\\{[^}]*outcome=\"recorded\"[^}]*} [1-9]");
    }

    private ApiClient.Response upload(String name, byte[] content) {
        return researcher.upload(IMPORT, name, "application/octet-stream", content);
    }

    private static void assertRefused(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors")).as(response.toString())
                    .extracting(e -> e.path("field").asText()).contains(field);
        }
    }

    private static List<String> fields(JsonNode rejectedRow) {
        List<String> fields = new ArrayList<>();
        rejectedRow.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static JsonNode find(JsonNode list, String pseudonym) {
        for (JsonNode item : list) {
            if (pseudonym.equals(item.path("respondent").path("pseudonym").asText())) {
                return item;
            }
        }
        throw new AssertionError("no self-assessment of " + pseudonym + " in " + list);
    }

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Vastaukset");
            String[] header = HEADER.split(";");
            XSSFRow top = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                top.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (!value.toString().isEmpty()) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zipWithout() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
