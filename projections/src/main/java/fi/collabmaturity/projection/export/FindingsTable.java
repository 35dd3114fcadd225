package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Framework;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * findings.csv: one row per finding in its latest coding, in wave order, then area, interview, segment, framework
 * dimension order and finding id, so that the codings of one segment stand together. Withdrawn findings are not in
 * it. The {@code excerpt} column exists only with {@code include=excerpts}.
 */
final class FindingsTable implements ExportTable {

    private final StudyExportData data;
    private final boolean excerpts;

    FindingsTable(StudyExportData data, ExportOptions options) {
        this.data = data;
        this.excerpts = options.includes(Inclusion.EXCERPTS);
    }

    @Override
    public TableDefinition definition() {
        Framework f = data.framework();
        List<Column> columns = new ArrayList<>(List.of(SharedColumns.studyId(), SharedColumns.waveId(),
                SharedColumns.areaId(),
                Column.of("interview_id", ColumnType.STRING, true,
                        new Bilingual("Haastattelun tunniste", "Interview identifier"),
                        new Bilingual("Teemahaastattelun tunniste.", "The theme interview's identifier.")),
                Column.of("interview_conducted_on", ColumnType.DATE, true,
                        new Bilingual("Haastattelupäivä", "Interview date"),
                        new Bilingual("Päivä, jona haastattelu tehtiin.", "The day the interview was conducted.")),
                SharedColumns.pseudonym("informant_pseudonym", false),
                SharedColumns.organisationType("informant_organisation_type", false),
                SharedColumns.actorLevel("informant_actor_level", false),
                SharedColumns.erased("informant_erased", false),
                Column.of("finding_id", ColumnType.STRING, true,
                        new Bilingual("Havainnon tunniste", "Finding identifier"),
                        new Bilingual("Koodatun segmentin (havainnon) tunniste haastattelun sisällä.",
                                "The coded segment's (finding's) identifier within its interview.")),
                Column.of("segment_id", ColumnType.STRING, false,
                        new Bilingual("Segmentin tunniste", "Segment identifier"),
                        new Bilingual("Haastattelun segmentti; saman segmentin ja ulottuvuuden havainnot eri "
                                + "koodaajilta ovat rinnakkaiskoodauksia. Tyhjä: havainto on oma segmenttinsä.",
                                "The interview segment; findings with the same segment and dimension by different "
                                        + "coders are double codings of one unit. Empty: the finding is its own "
                                        + "segment.")),
                SharedColumns.dimension(f),
                SharedColumns.stage(f, true, new Bilingual("Vaihe, jota segmentti osoittaa.",
                        "The stage the segment indicates.")),
                Column.of("stage_number", ColumnType.INTEGER, true, new Bilingual("Vaiheen numero", "Stage number"),
                        new Bilingual("Vaihe numerona (1-3).", "The stage as a number (1-3)."))
                        .coded(CodeLists.stageNumbers(f), true).between(f.lowestStage(), f.highestStage()),
                Column.of("codes", ColumnType.STRING, false, new Bilingual("Teemakoodit", "Theme codes"),
                        new Bilingual("Teemakoodit puolipisteellä eroteltuina (\\; ja \\\\ koodin sisällä); "
                                + "koodikirja on tiedostossa codes.qdc.", "The theme codes, separated by semicolons "
                                + "(\\; and \\\\ inside a code); the codebook is codes.qdc.")),
                Column.of("coder", ColumnType.STRING, false, new Bilingual("Koodaaja", "Coder"),
                        new Bilingual("Koodaajan käyttäjätunnus.", "The coder's user name.")),
                Column.of("revision", ColumnType.INTEGER, true, new Bilingual("Koodauskierros", "Coding revision"),
                        new Bilingual("Koodausten määrä: 1 = alkuperäinen, suurempi = uudelleenkoodattu (rivillä "
                                + "on viimeisin koodaus).", "The number of codings: 1 = original, more = recoded "
                                + "(the row has the latest coding).")).between(1, null)));
        if (excerpts) {
            columns.add(Column.of("excerpt", ColumnType.STRING, false, new Bilingual("Lainaus", "Excerpt"),
                    new Bilingual("Lainaus haastattelusta (henkilötieto; vain pyydettäessä). Tyhjä, jos lainausta "
                            + "ei ole tai haastateltavan tiedot on poistettu.", "The quote from the interview "
                            + "(personal data; only when asked for). Empty when there is none or the informant has "
                            + "been erased.")));
        }
        return new TableDefinition("findings", new Bilingual("Haastatteluhavainnot", "Interview findings"),
                new Bilingual("Haastattelujen koodatut segmentit viimeisimmässä koodauksessaan; peruutetut havainnot "
                        + "eivät ole mukana.", "The coded interview segments in their latest coding; withdrawn "
                        + "findings are not included."),
                columns, List.of("interview_id", "finding_id"),
                List.of(new ForeignKey("wave_id", "waves", "wave_id"), new ForeignKey("area_id", "areas", "area_id")));
    }

    @Override
    public void writeRows(RowSink rows) throws IOException {
        Map<String, List<FindingRecord>> byAreaWave = data.findingsByAreaWave();
        Comparator<FindingRecord> order = Comparator.comparing(FindingRecord::interviewId)
                .thenComparing(FindingRecord::unit)
                .thenComparingInt(r -> data.dimensionIndex(r.dimension()))
                .thenComparing(FindingRecord::findingId);
        for (WaveRecord w : data.waves()) {
            for (AreaRecord a : data.areas()) {
                List<FindingRecord> group = new ArrayList<>(
                        byAreaWave.getOrDefault(StudyExportData.key(a.areaId(), w.waveId()), List.of()));
                group.sort(order);
                for (FindingRecord r : group) {
                    InterviewRecord interview = data.interviews().get(r.interviewId());
                    PersonAttributes p = interview.informant();
                    List<String> cells = new ArrayList<>(List.of(data.study().studyId(), w.waveId(), a.areaId(),
                            r.interviewId()));
                    cells.add(Cells.date(interview.conductedOn()));
                    cells.add(p.pseudonym());
                    cells.add(p.organisationType());
                    cells.add(p.actorLevel());
                    cells.add(Cells.bool(p.erased()));
                    cells.add(r.findingId());
                    cells.add(r.segmentId());
                    cells.add(r.dimension());
                    cells.add(CodeLists.stageCode(data.framework(), r.stage()));
                    cells.add(Cells.integer(r.stage()));
                    cells.add(Cells.joined(r.codes()));
                    cells.add(r.coder());
                    cells.add(Cells.integer(r.revision()));
                    if (excerpts) {
                        cells.add(r.excerpt());
                    }
                    rows.row(cells.toArray(String[]::new));
                }
            }
        }
    }
}
