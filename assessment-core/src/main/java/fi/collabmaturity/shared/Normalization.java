package fi.collabmaturity.shared;

import java.text.Normalizer;
import java.util.List;

/**
 * How text that identifies something (a pseudonym, a theme code) is compared: Unicode NFC, without leading or
 * trailing white space. The same pseudonym typed on a Mac (often decomposed, NFD: "a" + combining diaeresis) and on
 * Windows (composed, NFC: "ä"), or pasted from a spreadsheet with a trailing no-break space, is one person; without
 * this it would silently become two. Commands normalise their values as they are made, so that every way in
 * (JSON bodies, spreadsheet rows, demo data) gets the same treatment; a value that is empty afterwards is then
 * refused by the command's own "must not be blank".
 */
public final class Normalization {

    private Normalization() {
    }

    /** The value in NFC, trimmed of white space and invisible spaces at both ends; null stays null. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String composed = Normalizer.normalize(value, Normalizer.Form.NFC);
        int start = 0;
        int end = composed.length();
        while (start < end && blank(composed.charAt(start))) {
            start++;
        }
        while (end > start && blank(composed.charAt(end - 1))) {
            end--;
        }
        return composed.substring(start, end);
    }

    /** Every value of the list normalised, in order (null entries stay, to be refused by name); null stays null. */
    public static List<String> normalize(List<String> values) {
        return values == null ? null : values.stream().map(Normalization::normalize).toList();
    }

    /**
     * White space by Java's definition, Unicode space separators (no-break space, narrow no-break space, figure
     * space, which {@link String#strip()} keeps), and the zero-width space and byte order mark that copying from
     * web pages and spreadsheets leaves behind.
     */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
