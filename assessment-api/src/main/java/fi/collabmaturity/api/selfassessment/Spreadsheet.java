package fi.collabmaturity.api.selfassessment;

import fi.collabmaturity.shared.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table read from an uploaded file: CSV as spreadsheet programs write it, or the first sheet of an XLSX workbook.
 * Finnish Excel writes CSV with ';' between cells and ',' as the decimal mark, in UTF-8 with a BOM ("CSV UTF-8")
 * or in Windows-1252 (plain "CSV"); all of that is accepted. Cells are text as the researcher sees them; numbers
 * from XLSX come without locale formatting so that 2.5 is always "2.5".
 */
final class Spreadsheet {

    /** A data row with its row number as a spreadsheet program shows it (the header is row 1). */
    record Line(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    private final List<String> header;
    private final List<Line> lines;

    private Spreadsheet(List<String> header, List<Line> lines) {
        this.header = header;
        this.lines = lines;
    }

    List<String> header() {
        return header;
    }

    List<Line> lines() {
        return lines;
    }

    /** Thrown when a file has more data rows than allowed; answered with 413 like an oversized upload. */
    static final class TooManyRows extends RuntimeException {
        TooManyRows(int max) {
            super("the file has more than " + max + " data rows", null, false, false);
        }
    }

    static Spreadsheet read(byte[] bytes, int maxRows) {
        if (bytes.length == 0) {
            throw InvalidInputException.of("file", "is empty");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            return readXlsx(bytes, maxRows);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw InvalidInputException.of("file", "is an old Excel 97-2003 workbook (.xls); save it as .xlsx or CSV");
        }
        return readCsv(text(bytes), maxRows);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252 as Excel's plain "CSV" is written. */
    private static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                throw InvalidInputException.of("file", "is neither a CSV text file nor an XLSX workbook");
            }
        }
        if (text.isBlank()) {
            throw InvalidInputException.of("file", "is empty");
        }
        return text;
    }

    private static Spreadsheet readCsv(String text, int maxRows) {
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue; // a row of empty cells (;;;;) as Excel leaves below a table
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (lines.size() == maxRows) {
                    throw new TooManyRows(maxRows);
                }
                lines.add(new Line((int) record.getRecordNumber(), cells));
            }
            if (header == null) {
                throw InvalidInputException.of("file", "is empty");
            }
            return new Spreadsheet(header, lines);
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of("file", "is not a readable CSV file: " + e.getMessage());
        }
    }

    /** The cell separator of the header line: the most frequent of ';', ',' and tab outside quotes. */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    private static Spreadsheet readXlsx(byte[] bytes, int maxRows) {
        // POI guards against zip bombs itself (minimum inflate ratio, maximum entry size).
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw InvalidInputException.of("file", "is a workbook without sheets");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter text = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(cell(row.getCell(c), text, evaluator));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (lines.size() == maxRows) {
                    throw new TooManyRows(maxRows);
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
            if (header == null) {
                throw InvalidInputException.of("file", "is a workbook whose first sheet is empty");
            }
            return new Spreadsheet(header, lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException || e instanceof TooManyRows) {
                throw (RuntimeException) e;
            }
            throw InvalidInputException.of("file", "is not a readable XLSX workbook");
        }
    }

    private static String cell(Cell cell, DataFormatter text, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell)
                : cell.getCellType();
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            // the stored double, not the displayed text: a cell formatted to no decimals still holds 2.5
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return text.formatCellValue(cell, evaluator);
    }
}
