package fi.collabmaturity.projection.export;

/**
 * Keeps imported text (pseudonyms, codes, excerpts) from being taken for a formula by a spreadsheet that opens an
 * export CSV, as OWASP advises against CSV injection: a text cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a single quote ({@code '}) in front. A text cell that itself begins
 * with a quote gets one more, so the rule can always be undone exactly: drop one leading {@code '} from a text
 * cell that has one. Numbers, dates and booleans are written by the export itself and left as they are (a
 * negative number stays a number). NUL, which no text format should carry, becomes U+FFFD in every cell.
 */
final class SpreadsheetSafeText {

    static final char QUOTE = '\'';
    static final char REPLACEMENT = '\uFFFD';

    private SpreadsheetSafeText() {
    }

    /** The cell as written: {@code text} for the cells of string columns, which may hold outside input. */
    static String cell(String value, boolean text) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', REPLACEMENT);
        return text && startsLikeAFormula(clean.charAt(0)) ? QUOTE + clean : clean;
    }

    private static boolean startsLikeAFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', QUOTE -> true;
            default -> false;
        };
    }
}
