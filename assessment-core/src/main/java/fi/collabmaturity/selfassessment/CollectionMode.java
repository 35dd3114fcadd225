package fi.collabmaturity.selfassessment;

import java.util.List;

/**
 * How a self-assessment reached the event log, as the export reports it: typed in through the API, imported from a
 * spreadsheet, or sent by the respondent through a questionnaire. A spreadsheet import says so in the metadata of
 * the events it records ({@link #META_DATA_KEY}); a questionnaire answer is told by the questionnaire's own event
 * that names the self-assessment. Everything else is {@code api}, including imports recorded before the metadata
 * existed (their events carry nothing that tells them apart).
 */
public final class CollectionMode {

    /** The event metadata entry an import writes on the events of its unit of work. */
    public static final String META_DATA_KEY = "collectionMode";

    public static final String API = "api";
    public static final String SPREADSHEET = "spreadsheet";
    public static final String QUESTIONNAIRE = "questionnaire";

    private CollectionMode() {
    }

    public static List<String> codes() {
        return List.of(API, SPREADSHEET, QUESTIONNAIRE);
    }
}
