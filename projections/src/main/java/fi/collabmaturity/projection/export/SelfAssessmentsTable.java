package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.selfassessment.RespondentKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * self_assessments_long.csv: one row per self-assessment and answered dimension (a skipped dimension has no row),
 * each saying whether its respondent was a person or a workshop group (and the group's size) and how it was
 * collected (typed in, imported from a spreadsheet, or sent through a questionnaire, with the questionnaire's id),
 * in wave order, then area, respondent, self-assessment and framework dimension order. Withdrawn self-assessments
 * are not in it. With {@code include=comments} a {@code comment} column is added, and a dimension that was skipped
 * but commented gets a row with an empty value, so that no comment is lost.
 */
final class SelfAssessmentsTable implements ExportTable {

    private static final Comparator<SelfAssessmentRecord> ORDER = Comparator
            .comparing((SelfAssessmentRecord s) -> s.respondent().pseudonym())
            .thenComparing(SelfAssessmentRecord::selfAssessmentId);

    private final StudyExportData data;
    private final boolean comments;

    SelfAssessmentsTable(StudyExportData data, ExportOptions options) {
        this.data = data;
        this.comments = options.includes(Inclusion.COMMENTS);
    }

    @Override
    public TableDefinition definition() {
        Framework f = data.framework();
        List<Column> columns = new ArrayList<>(List.of(SharedColumns.studyId(), SharedColumns.waveId(),
                SharedColumns.areaId(),
                Column.of("self_assessment_id", ColumnType.STRING, true,
                        new Bilingual("Itsearvioinnin tunniste", "Self-assessment identifier"),
                        new Bilingual("Yhden vastaajan yhden alueen arvio yhdessä aallossa.",
                                "One respondent's assessment of one area in one wave.")),
                SharedColumns.pseudonym("respondent_pseudonym", true),
                SharedColumns.organisationType("organisation_type", true),
                SharedColumns.actorLevel("actor_level", true),
                SharedColumns.erased("respondent_erased", true),
                Column.of("respondent_kind", ColumnType.STRING, false,
                        new Bilingual("Vastaajan laji", "Respondent kind"),
                        new Bilingual("person = yksi henkilö; group = työpajaryhmä, joka vastasi yhdessä ja on "
                                + "yksi vastaaja (yksi vastaus alueelle aallossa, kuten henkilö; n laskee vastaajia, "
                                + "ei ryhmän jäseniä). Tyhjä, jos henkilön tiedot on poistettu.",
                                "person = one person; group = a workshop group that answered together and is one "
                                        + "respondent (one answer per area and wave, as a person; n counts "
                                        + "respondents, not group members). Empty when the participant has been "
                                        + "erased."))
                        .coded(CodeLists.respondentKinds(), false),
                Column.of("group_size", ColumnType.INTEGER, false, new Bilingual("Ryhmän koko", "Group size"),
                        new Bilingual("Ryhmän jäsenten määrä, kun respondent_kind = group (2-"
                                + RespondentKind.MAX_GROUP_SIZE + "). Tyhjä henkilölle ja poistetulle vastaajalle.",
                                "How many members the group had, when respondent_kind = group (2-"
                                        + RespondentKind.MAX_GROUP_SIZE + "). Empty for a person and for an erased "
                                        + "respondent."))
                        .between(2, RespondentKind.MAX_GROUP_SIZE),
                Column.of("collection_mode", ColumnType.STRING, true,
                        new Bilingual("Keruutapa", "Collection mode"),
                        new Bilingual("Miten itsearviointi kirjattiin: api = tutkija syötti sen rajapinnan kautta; "
                                + "spreadsheet = tuotu taulukkotiedostosta (tuonnit, jotka kirjattiin ennen kuin "
                                + "tuonti alkoi merkitä tapahtumansa, näkyvät api-arvona); questionnaire = vastaaja "
                                + "täytti kyselyn itse (questionnaire_id kertoo minkä).",
                                "How the self-assessment was recorded: api = entered by a researcher through the "
                                        + "API; spreadsheet = imported from a spreadsheet file (imports recorded "
                                        + "before the import began to mark its events show as api); questionnaire "
                                        + "= sent by the respondent through a questionnaire (questionnaire_id says "
                                        + "which)."))
                        .coded(CodeLists.collectionModes(), false),
                Column.of("questionnaire_id", ColumnType.STRING, false,
                        new Bilingual("Kyselyn tunniste", "Questionnaire identifier"),
                        new Bilingual("Kysely, jonka kautta vastaaja lähetti itsearvioinnin, kun collection_mode = "
                                + "questionnaire. Tyhjä muilla keruutavoilla.",
                                "The questionnaire the respondent sent the self-assessment through, when "
                                        + "collection_mode = questionnaire. Empty for the other collection modes.")),
                SharedColumns.dimension(f),
                Column.of("value", ColumnType.NUMBER, !comments, new Bilingual("Arvo", "Value"),
                        new Bilingual("Vastaajan sijainti jatkumolla " + f.scale().min() + "-" + f.scale().max()
                                + " (askel " + f.scale().step() + "; 1.5 ja 2.5 = \"välissä\").",
                                "The respondent's position on the continuum " + f.scale().min() + "-"
                                        + f.scale().max() + " (step " + f.scale().step() + "; 1.5 and 2.5 mean "
                                        + "\"between\")."))
                        .between(f.scale().min(), f.scale().max())));
        if (comments) {
            columns.add(Column.of("comment", ColumnType.STRING, false, new Bilingual("Kommentti", "Comment"),
                    new Bilingual("Vastaajan kommentti ulottuvuuteen (henkilötieto; vain pyydettäessä). "
                            + "Tyhjä, jos kommenttia ei ole tai henkilön tiedot on poistettu.",
                            "The respondent's comment on the dimension (personal data; only when asked for). "
                                    + "Empty when there is none or the participant has been erased.")));
        }
        return new TableDefinition("self_assessments_long",
                new Bilingual("Itsearvioinnit (pitkä muoto)", "Self-assessments (long format)"),
                new Bilingual("Yksi rivi vastaajaa ja vastattua ulottuvuutta kohden; ohitettu ulottuvuus puuttuu "
                        + "(ei koskaan 0). Peruutetut itsearvioinnit eivät ole mukana.",
                        "One row per respondent and answered dimension; a skipped dimension has no row (never 0). "
                                + "Withdrawn self-assessments are not included."),
                columns, List.of("self_assessment_id", "dimension"),
                List.of(new ForeignKey("wave_id", "waves", "wave_id"), new ForeignKey("area_id", "areas", "area_id")));
    }

    @Override
    public void writeRows(RowSink rows) throws IOException {
        Map<String, List<SelfAssessmentRecord>> byAreaWave = data.selfAssessmentsByAreaWave();
        int dimensions = data.framework().dimensions().size();
        for (WaveRecord w : data.waves()) {
            for (AreaRecord a : data.areas()) {
                List<SelfAssessmentRecord> group = new ArrayList<>(
                        byAreaWave.getOrDefault(StudyExportData.key(a.areaId(), w.waveId()), List.of()));
                group.sort(ORDER);
                for (SelfAssessmentRecord s : group) {
                    for (int i = 0; i < dimensions; i++) {
                        boolean commented = comments && s.comment(i) != null;
                        if (!s.answered(i) && !commented) {
                            continue;
                        }
                        PersonAttributes p = s.respondent();
                        String[] cells = {data.study().studyId(), w.waveId(), a.areaId(), s.selfAssessmentId(),
                                p.pseudonym(), p.organisationType(), p.actorLevel(), Cells.bool(p.erased()),
                                s.respondentKind(), Cells.integer(s.groupSize()), s.collectionMode(),
                                s.questionnaireId(), data.framework().dimensions().get(i).code(), Cells.answer(s.answers()[i])};
                        if (comments) {
                            cells = java.util.Arrays.copyOf(cells, cells.length + 1);
                            cells[cells.length - 1] = s.comment(i);
                        }
                        rows.row(cells);
                    }
                }
            }
        }
    }
}
