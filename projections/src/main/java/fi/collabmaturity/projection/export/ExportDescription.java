package fi.collabmaturity.projection.export;

import java.time.Instant;

/**
 * The texts every documentation file repeats: how to cite the export, which point of the log it reflects, and the
 * rules for missing values, withdrawn records and erased participants (in Finnish and English).
 */
final class ExportDescription {

    static final Bilingual MISSING = new Bilingual(
            "Puuttuva tieto on tyhjä solu, ei koskaan 0. Ohitettu itsearvioinnin ulottuvuus ei tuota riviä.",
            "A missing value is an empty cell, never 0. A skipped self-assessment dimension has no row.");
    /** The rule of {@link SpreadsheetSafeText}, for every file that describes the CSV values. */
    static final Bilingual SPREADSHEET_SAFE = new Bilingual(
            "Jos tekstisolu alkaa merkillä =, +, -, @, sarkain, rivinvaihto (CR) tai ', sen eteen on kirjoitettu "
                    + "yksi ' (heittomerkki), jotta taulukkolaskentaohjelma ei suorita sitä kaavana; alkuperäinen "
                    + "arvo saadaan poistamalla tekstisolun alusta yksi '. Numero-, päivämäärä- ja totuusarvosarakkeet "
                    + "ovat ennallaan (negatiivinen luku pysyy lukuna). NUL-merkki on korvattu merkillä U+FFFD.",
            "A text cell whose value begins with =, +, -, @, a tab, a carriage return (CR) or ' is written with one "
                    + "' (single quote) in front, so that a spreadsheet does not run it as a formula; drop one "
                    + "leading ' from a text cell to get the value back. Numeric, date and boolean columns are "
                    + "written as they are (a negative number stays a number). A NUL character is replaced by "
                    + "U+FFFD.");
    static final Bilingual WITHDRAWN = new Bilingual(
            "Peruutetut itsearvioinnit ja havainnot eivät ole mukana missään tiedostossa, kuten ne eivät ole "
                    + "mukana pistemäärissäkään. Uudelleenkoodatusta havainnosta on mukana viimeisin koodaus.",
            "Withdrawn self-assessments and findings are left out of every file, as they are left out of the "
                    + "scores. A recoded finding appears in its latest coding.");
    static final Bilingual ERASED = new Bilingual(
            "Jos osallistujan henkilötiedot on poistettu, hänen pseudonyyminsä tilalla on pysyvä tunniste "
                    + "erased-xxxxxxxx (osallistujaviitteen 8 ensimmäistä merkkiä), taustatiedot ovat tyhjiä ja "
                    + "lainaukset ja kommentit puuttuvat; hänen vastauksensa ja koodauksensa ovat edelleen mukana "
                    + "anonyymeinä.",
            "When a participant's personal data has been erased, their pseudonym is replaced by a stable token "
                    + "erased-xxxxxxxx (the first 8 characters of their participant reference), their attributes "
                    + "are empty and their excerpts and comments are left out; their answers and codings remain, "
                    + "anonymous.");
    static final Bilingual PRIVACY = new Bilingual(
            "Aineisto on pseudonymisoitu: se sisältää pseudonyymejä ja taustatietoja, ei nimiä. Lainaukset ja "
                    + "kommentit ovat mukana vain erikseen pyydettäessä. Käsittele aineistoa henkilötietona.",
            "The data is pseudonymised: it holds pseudonyms and attributes, never names. Excerpts and comments are "
                    + "included only when asked for. Treat it as personal data.");

    private ExportDescription() {
    }

    static String point(ExportPoint point) {
        return "event log position " + point.position() + " (" + point.positionKind() + ")"
                + (point.time() == null ? "" : ", last event at " + point.time());
    }

    static String citation(StudyExportData data, ExportPoint point, String productVersion) {
        return data.study().title() + " [data set]. Study " + data.study().studyId() + ", export of "
                + point(point) + ". Scored with " + data.framework().id() + " " + data.framework().version()
                + " (" + data.framework().source() + ") by collab-maturity " + productVersion + ".";
    }

    static String time(Instant time) {
        return time == null ? "" : time.toString();
    }
}
