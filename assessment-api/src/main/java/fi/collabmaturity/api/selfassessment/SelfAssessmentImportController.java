package fi.collabmaturity.api.selfassessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.Problems;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.selfassessment.ImportReport;
import fi.collabmaturity.selfassessment.ImportSelfAssessments;
import fi.collabmaturity.selfassessment.RespondentKind;
import fi.collabmaturity.selfassessment.SelfAssessmentImporter;
import fi.collabmaturity.selfassessment.SubmitSelfAssessment;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.study.StudyFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Spreadsheet import of self-assessments: one row per respondent, as survey tools and Excel produce them. The rows
 * are checked by the same rules as single submissions and recorded all together or not at all.
 */
@RestController
@RequestMapping("/api/v1/studies/{studyId}/self-assessments")
public class SelfAssessmentImportController {

    static final List<String> RESPONDENT_COLUMNS =
            List.of("areaId", "waveId", "pseudonym", "organisationType", "actorLevel");
    /** Columns a file may leave out: without them, or with their cells empty, the row's respondent is a person. */
    static final List<String> OPTIONAL_RESPONDENT_COLUMNS =
            List.of(SelfAssessmentImporter.RESPONDENT_KIND_COLUMN, SelfAssessmentImporter.GROUP_SIZE_COLUMN);

    /** A group's size: a whole number (the domain says how large). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    /** 2.5 or, as Finnish Excel writes it, 2,5. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+([.,][0-9]+)?");

    private final CommandGateway commands;
    private final StudyAccess access;
    private final FrameworkCatalog frameworks;
    private final ReadYourWrites consistency;
    private final long maxBytes;
    private final int maxRows;
    private final MeterRegistry meters;

    public SelfAssessmentImportController(CommandGateway commands, StudyAccess access, FrameworkCatalog frameworks,
                                          ReadYourWrites consistency,
                                          @Value("${assessment.import.max-bytes:10485760}") long maxBytes,
                                          @Value("${assessment.import.max-rows:20000}") int maxRows,
                                          MeterRegistry meters) {
        this.meters = meters;
        this.commands = commands;
        this.access = access;
        this.frameworks = frameworks;
        this.consistency = consistency;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> importFile(@PathVariable String studyId,
                                        @RequestParam(defaultValue = "false") boolean dryRun,
                                        @RequestParam(defaultValue = "false") boolean replace,
                                        @RequestPart("file") MultipartFile file) throws IOException {
        StudyFacts study = access.write(studyId);
        if (file.getSize() > maxBytes) {
            throw new TooLarge("the file is larger than " + maxBytes + " bytes");
        }
        Spreadsheet sheet = Spreadsheet.read(file.getBytes(), maxRows);
        Framework framework = study.framework(frameworks);
        List<ImportSelfAssessments.ImportedRow> rows = rows(studyId, sheet, framework);
        ImportReport report = commands.sendAndWait(new ImportSelfAssessments(studyId, rows, dryRun, replace));
        count(report);
        ImportResult body = ImportResult.of(report);
        if (report.onlyDuplicatesOfRecorded() && !dryRun) {
            // most often the same file sent twice: nothing new in it, and nothing was recorded
            return body.in(Problems.problem(HttpStatus.CONFLICT, "import-duplicates", "Already answered",
                    report.rejected().size() + " of " + report.rows() + " rows repeat answers already recorded"
                            + " (duplicateOf); nothing was recorded; import with replace=true to replace them"));
        }
        if (!report.clean() && !dryRun) {
            // all or nothing: nothing was recorded; the problem carries the row-by-row report
            return body.in(Problems.problem(HttpStatus.BAD_REQUEST, "import-rejected", "Import rejected",
                    report.rejected().size() + " of " + report.rows() + " rows were refused; nothing was recorded"));
        }
        if (dryRun) {
            return ResponseEntity.ok(body);
        }
        return Responses.created("/api/v1/studies/" + studyId + "/self-assessments", consistency.afterWrite(), body);
    }

    /**
     * An empty file with the header row a study's import expects, as Finnish Excel opens it directly (UTF-8 BOM,
     * ';' between cells): the easiest way for a researcher to get the columns right.
     */
    @GetMapping(path = "/import-template", produces = "text/csv")
    public ResponseEntity<byte[]> template(@PathVariable String studyId) {
        StudyFacts study = access.read(studyId);
        List<String> columns = new ArrayList<>(RESPONDENT_COLUMNS);
        columns.addAll(OPTIONAL_RESPONDENT_COLUMNS);
        study.framework(frameworks).dimensions().stream().map(Dimension::code).forEach(columns::add);
        byte[] body = ("\uFEFF" + String.join(";", columns) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(studyId + "-self-assessments.csv").build().toString())
                .body(body);
    }

    /** Rows read by imports, by what became of them: recorded, checked in a dry run, or in a refused file. */
    private void count(ImportReport report) {
        String outcome = report.dryRun() ? "dry_run" : report.clean() ? "recorded" : "refused";
        Counter.builder("assessment.import.rows").description("Spreadsheet rows read by self-assessment imports")
                .tag("outcome", outcome).register(meters).increment(report.rows());
    }

    /**
     * What an import did, row by row: the answer of an import, or the members of the problem that refuses one.
     * {@code ids} (of the self-assessments recorded) only when not a dry run.
     */
    public record ImportResult(boolean dryRun, int rows, int accepted, List<ImportReport.RejectedRow> rejected,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> ids) {

        static ImportResult of(ImportReport report) {
            return new ImportResult(report.dryRun(), report.rows(), report.accepted(), report.rejected(),
                    report.dryRun() ? null : report.ids());
        }

        /** The problem, carrying this report as its extension members (RFC 9457 section 3.2). */
        ResponseEntity<ProblemDetail> in(ResponseEntity<ProblemDetail> problem) {
            ProblemDetail detail = problem.getBody();
            detail.setProperty("dryRun", dryRun);
            detail.setProperty("rows", rows);
            detail.setProperty("accepted", accepted);
            detail.setProperty("rejected", rejected);
            if (ids != null) {
                detail.setProperty("ids", ids);
            }
            return problem;
        }
    }

    /** Maps the header to the expected columns (in any order, names case-insensitive) and each line to a row. */
    private static List<ImportSelfAssessments.ImportedRow> rows(String studyId, Spreadsheet sheet,
                                                                  Framework framework) {
        List<String> expected = new ArrayList<>(RESPONDENT_COLUMNS);
        expected.addAll(OPTIONAL_RESPONDENT_COLUMNS);
        framework.dimensions().stream().map(Dimension::code).forEach(expected::add);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<FieldError> headerErrors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < sheet.header().size(); c++) {
            String name = sheet.header().get(c).strip();
            if (name.isEmpty()) {
                continue;
            }
            String canonical = expected.stream().filter(e -> e.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (canonical == null) {
                unknown.add(name);
            } else if (index.putIfAbsent(canonical, c) != null) {
                headerErrors.add(new FieldError("file.columns", "column '" + canonical + "' appears twice"));
            }
        }
        if (!unknown.isEmpty()) {
            headerErrors.add(new FieldError("file.columns", "unknown column(s) " + unknown + "; the columns are "
                    + String.join(", ", expected) + " (a dimension's column, "
                    + String.join(" and ", OPTIONAL_RESPONDENT_COLUMNS) + " may be left out or empty)"));
        }
        for (String required : RESPONDENT_COLUMNS) {
            if (!index.containsKey(required)) {
                headerErrors.add(new FieldError("file.columns", "column '" + required + "' is missing"));
            }
        }
        if (framework.dimensions().stream().noneMatch(d -> index.containsKey(d.code()))) {
            headerErrors.add(new FieldError("file.columns", "no dimension column; give at least one of "
                    + framework.dimensions().stream().map(Dimension::code).toList()));
        }
        if (!headerErrors.isEmpty()) {
            throw new InvalidInputException(headerErrors);
        }
        List<ImportSelfAssessments.ImportedRow> rows = new ArrayList<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            List<FieldError> readErrors = new ArrayList<>();
            Map<String, BigDecimal> answers = new LinkedHashMap<>();
            for (Dimension d : framework.dimensions()) {
                Integer column = index.get(d.code());
                String cell = column == null ? "" : line.cell(column);
                if (cell.isEmpty()) {
                    continue; // a skipped dimension stays missing
                }
                if (!DECIMAL.matcher(cell).matches()) {
                    readErrors.add(new FieldError(d.code(), "'" + cell + "' is not a number from "
                            + framework.scale().min() + " to " + framework.scale().max()));
                    continue;
                }
                answers.put(d.code(), new BigDecimal(cell.replace(',', '.')));
            }
            Participant respondent = new Participant(nullIfEmpty(line.cell(index.get("pseudonym"))),
                    code(line.cell(index.get("organisationType"))), code(line.cell(index.get("actorLevel"))));
            SubmitSelfAssessment submission = new SubmitSelfAssessment(UUID.randomUUID().toString(),
                    studyId, nullIfEmpty(line.cell(index.get("areaId"))),
                    nullIfEmpty(line.cell(index.get("waveId"))), respondent, respondentKind(line, index, readErrors),
                    answers, Map.of(), null);
            rows.add(new ImportSelfAssessments.ImportedRow(line.number(), submission, readErrors));
        }
        return rows;
    }

    /** The row's kind of respondent from the optional columns; a size that is not a whole number is named. */
    private static RespondentKind respondentKind(Spreadsheet.Line line, Map<String, Integer> index,
                                                 List<FieldError> readErrors) {
        Integer kindColumn = index.get(SelfAssessmentImporter.RESPONDENT_KIND_COLUMN);
        Integer sizeColumn = index.get(SelfAssessmentImporter.GROUP_SIZE_COLUMN);
        String kind = kindColumn == null ? null : code(line.cell(kindColumn));
        String size = sizeColumn == null ? "" : line.cell(sizeColumn);
        Integer groupSize = null;
        if (WHOLE_NUMBER.matcher(size).matches()) {
            groupSize = Integer.valueOf(size);
        } else if (!size.isEmpty()) {
            readErrors.add(new FieldError(SelfAssessmentImporter.GROUP_SIZE_COLUMN, "'" + size
                    + "' is not a whole number of group members from 2 to " + RespondentKind.MAX_GROUP_SIZE));
        }
        return RespondentKind.of(kind, groupSize);
    }

    private static String nullIfEmpty(String cell) {
        return cell.isEmpty() ? null : cell;
    }

    /** Codes are lower case with underscores; a spreadsheet may well say "Municipality". */
    private static String code(String cell) {
        return cell.isEmpty() ? null : cell.toLowerCase(Locale.ROOT);
    }

    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    @ExceptionHandler(TooLarge.class)
    ResponseEntity<ProblemDetail> on(TooLarge e) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Too large", e.getMessage());
    }

    @ExceptionHandler(Spreadsheet.TooManyRows.class)
    ResponseEntity<ProblemDetail> on(Spreadsheet.TooManyRows e) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-many-rows", "Too many rows", e.getMessage());
    }
}
