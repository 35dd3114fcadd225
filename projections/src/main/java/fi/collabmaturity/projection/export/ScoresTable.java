package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.scoring.DimensionEvidence;
import fi.collabmaturity.scoring.DimensionScore;
import fi.collabmaturity.scoring.InterviewSegment;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.scoring.Source;
import fi.collabmaturity.scoring.SourceStatistics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * scores_long.csv: for every wave, area and dimension (the full grid, also where there is no evidence) one row per
 * source and one combined row, computed from the folded evidence with the same pure scoring functions and the same
 * policy as the maturity projection, so every number equals the API's profile to the digit.
 */
final class ScoresTable implements ExportTable {

    /** The policy the maturity projection scores with. */

    private final StudyExportData data;

    ScoresTable(StudyExportData data) {
        this.data = data;
    }

    @Override
    public TableDefinition definition() {
        Framework f = data.framework();
        double min = f.scale().min().doubleValue();
        double max = f.scale().max().doubleValue();
        return new TableDefinition("scores_long",
                new Bilingual("Kypsyyspistemäärät (pitkä muoto)", "Maturity scores (long format)"),
                new Bilingual("Yksi rivi aaltoa, aluetta, ulottuvuutta ja lähdettä kohden (haastattelut, "
                        + "itsearvioinnit, yhdistetty). Lähderiveillä n, keskiarvo, keskihajonta ja 95 %:n "
                        + "luottamusväli; yhdistetyllä rivillä pistemäärä ja vaihe.",
                        "One row per wave, area, dimension and source (interviews, self-assessments, combined). "
                                + "Source rows carry n, mean, sd and the 95% confidence interval; the combined row "
                                + "carries the score and the stage."),
                List.of(SharedColumns.studyId(), SharedColumns.waveId(),
                        Column.of("wave_label", ColumnType.STRING, true, new Bilingual("Aallon nimi", "Wave label"),
                                new Bilingual("Aallon nimi.", "The wave's label.")),
                        Column.of("wave_opens_on", ColumnType.DATE, true,
                                new Bilingual("Aalto alkaa", "Wave opens on"),
                                new Bilingual("Aallon alkamispäivä.", "The wave's opening date.")),
                        Column.of("wave_closes_on", ColumnType.DATE, true,
                                new Bilingual("Aalto päättyy", "Wave closes on"),
                                new Bilingual("Aallon päättymispäivä.", "The wave's closing date.")),
                        SharedColumns.areaId(),
                        Column.of("region_code", ColumnType.STRING, true, new Bilingual("Hyvinvointialue", "Region"),
                                new Bilingual("Hyvinvointialueen koodi.", "The wellbeing services county's code."))
                                .coded(CodeLists.regions(data.regions()), false),
                        Column.of("interface_theme", ColumnType.STRING, true,
                                new Bilingual("Yhdyspinnan teema", "Interface theme"),
                                new Bilingual("Alueen yhdyspinnan teema.", "The area's interface theme."))
                                .coded(CodeLists.interfaceThemes(data.interfaceThemes()), false),
                        SharedColumns.dimension(f),
                        Column.of("source", ColumnType.STRING, true, new Bilingual("Lähde", "Source"),
                                new Bilingual("Näytön lähde: interviews = haastattelut (kehyksen versiosta 1.1.0 "
                                        + "yksikkö on haastateltava, hänen segmenttiensä keskiarvona; versiossa 1.0.0 "
                                        + "segmentti; segmentti on aina koodaajiensa keskiarvo), self_assessments = "
                                        + "itsearviointivastaukset (vastaaja tai ryhmä), combined = yhdistetty "
                                        + "pistemäärä.",
                                        "The evidence source: interviews = interviews (from framework version 1.1.0 "
                                                + "the unit is the informant, as the mean of their segments; in 1.0.0 "
                                                + "the segment; a segment is always the mean of its coders), "
                                                + "self_assessments = self-assessment answers (a person or a group), "
                                                + "combined = the combined score."))
                                .coded(CodeLists.sources(), false),
                        Column.of("n", ColumnType.INTEGER, true, new Bilingual("Havaintoyksiköiden määrä",
                                        "Number of units"),
                                new Bilingual("Lähderivillä lähteen näyttöyksiköiden määrä (myös alle vähimmäismäärän "
                                        + data.study().policy().minimumN() + "); yhdistetyllä rivillä pistemäärään laskettujen "
                                        + "lähteiden yksiköt yhteensä.",
                                        "On a source row the source's units of evidence (also below the minimum of "
                                                + data.study().policy().minimumN() + "); on the combined row the units of the "
                                                + "sources that count in the score.")).between(0, null),
                        Column.of("mean", ColumnType.NUMBER, false, new Bilingual("Keskiarvo", "Mean"),
                                new Bilingual("Lähteen yksiköiden keskiarvo (3 desimaalia); tyhjä ilman yksiköitä ja "
                                        + "yhdistetyllä rivillä.", "The mean of the source's units (3 decimals); "
                                        + "empty without units and on the combined row.")).between(min, max),
                        Column.of("sd", ColumnType.NUMBER, false, new Bilingual("Keskihajonta", "Standard deviation"),
                                new Bilingual("Otoskeskihajonta (n-1); tyhjä, kun n < 2.",
                                        "The sample standard deviation (n-1); empty when n < 2.")).between(0, null),
                        Column.of("ci_low", ColumnType.NUMBER, false,
                                new Bilingual("Luottamusvälin alaraja", "Confidence interval, lower"),
                                new Bilingual("Lähderivillä keskiarvon 95 %:n luottamusvälin alaraja (Studentin t, "
                                        + "rajattu asteikolle), tyhjä kun n < 2; yhdistetyllä rivillä laskettujen "
                                        + "lähteiden alarajojen painotettu keskiarvo (samoin painoin kuin "
                                        + "pistemäärä), tyhjä jos jollakin niistä ei ole väliä.",
                                        "On a source row the lower end of the 95% confidence interval of the mean "
                                        + "(Student's t, clipped to the scale), empty when n < 2; on the combined "
                                        + "row the weighted mean (the score's weights) of the counted sources' "
                                        + "lower ends, empty when one of them has none.")).between(min, max),
                        Column.of("ci_high", ColumnType.NUMBER, false,
                                new Bilingual("Luottamusvälin yläraja", "Confidence interval, upper"),
                                new Bilingual("Keskiarvon 95 %:n luottamusvälin yläraja; tyhjä, kun n < 2; "
                                        + "yhdistetyllä rivillä kuten ci_low.", "The upper end of the 95% "
                                        + "confidence interval, empty when n < 2; on the combined row as ci_low."))
                                .between(min, max),
                        Column.of("score", ColumnType.NUMBER, false, new Bilingual("Pistemäärä", "Score"),
                                new Bilingual("Yhdistetty pistemäärä 1-3: riittävien lähteiden keskiarvojen "
                                        + "painotettu keskiarvo; vain yhdistetyllä rivillä, tyhjä jos näyttö ei riitä.",
                                        "The combined score on 1-3: the weighted mean of the sufficient sources' "
                                                + "means; on the combined row only, empty when the evidence is "
                                                + "insufficient.")).between(min, max),
                        SharedColumns.reportedStage(f, new Bilingual("Pistemäärän vaihe ulottuvuuden omien "
                                + "rajojen mukaan (kehyksen rajat, joissa saman kuvauksen jakavien vaiheiden rajat "
                                + "on yhdistetty); vain yhdistetyllä rivillä, tyhjä jos näyttö ei riitä. "
                                + ScoringRulesText.bands(f).fi(), "The stage of the score by the dimension's own "
                                + "bands (the framework's bands, with the bands of stages that share a descriptor "
                                + "joined); on the combined row only, empty when the evidence is insufficient. "
                                + ScoringRulesText.bands(f).en())),
                        Column.of("evidence", ColumnType.STRING, true, new Bilingual("Näyttö", "Evidence"),
                                new Bilingual("Lähderivillä: onko lähteellä vähintään " + data.study().policy().minimumN()
                                        + " yksikköä (lasketaanko se pistemäärään). Yhdistetyllä rivillä: onko "
                                        + "ulottuvuudella pistemäärä.", "On a source row: whether the source has at "
                                        + "least " + data.study().policy().minimumN() + " units (and so counts in the score). On "
                                        + "the combined row: whether the dimension has a score."))
                                .coded(CodeLists.evidence(), false),
                        Column.of("framework_id", ColumnType.STRING, true,
                                new Bilingual("Kehyksen tunniste", "Framework identifier"),
                                new Bilingual("Kypsyyskehys, jolla pistemäärät on laskettu.",
                                        "The framework the scores were computed with.")),
                        Column.of("framework_version", ColumnType.STRING, true,
                                new Bilingual("Kehyksen versio", "Framework version"),
                                new Bilingual("Kehyksen versio.", "The framework's version."))),
                List.of("wave_id", "area_id", "dimension", "source"),
                List.of(new ForeignKey("wave_id", "waves", "wave_id"), new ForeignKey("area_id", "areas", "area_id")));
    }

    @Override
    public void writeRows(RowSink rows) throws IOException {
        Map<String, List<SelfAssessmentRecord>> answers = data.selfAssessmentsByAreaWave();
        Map<String, List<FindingRecord>> findings = data.findingsByAreaWave();
        Framework f = data.framework();
        for (WaveRecord w : data.waves()) {
            for (AreaRecord a : data.areas()) {
                String key = StudyExportData.key(a.areaId(), w.waveId());
                MaturityProfile profile = ProfileScoring.profile(f, data.study().policy(),
                        evidence(answers.getOrDefault(key, List.of()), findings.getOrDefault(key, List.of())));
                for (DimensionScore d : profile.dimensions()) {
                    int counted = 0;
                    for (Source source : Source.values()) {
                        SourceStatistics s = d.sources().get(source);
                        if (s.sufficient() && data.study().policy().weight(source) > 0) {
                            counted += s.n();
                        }
                        rows.row(prefix(w, a, d, source.code(), Cells.integer(s.n()), Cells.decimal3(s.mean()),
                                Cells.decimal3(s.sd()), Cells.decimal3(s.ciLow()), Cells.decimal3(s.ciHigh()),
                                null, null, s.sufficient() ? CodeLists.SUFFICIENT : CodeLists.INSUFFICIENT));
                    }
                    rows.row(prefix(w, a, d, CodeLists.COMBINED, Cells.integer(counted), null, null,
                            Cells.decimal3(d.ciLow()), Cells.decimal3(d.ciHigh()),
                            Cells.decimal3(d.score()), f.stageCode(d.stage()),
                            d.sufficient() ? CodeLists.SUFFICIENT : CodeLists.INSUFFICIENT));
                }
            }
        }
    }

    private String[] prefix(WaveRecord w, AreaRecord a, DimensionScore d, String source, String n, String mean,
                            String sd, String ciLow, String ciHigh, String score, String stage, String evidence) {
        return new String[]{data.study().studyId(), w.waveId(), w.label(), Cells.date(w.opensOn()),
                Cells.date(w.closesOn()), a.areaId(), a.regionCode(), a.interfaceTheme(), d.dimension(), source, n,
                mean, sd, ciLow, ciHigh, score, stage, evidence, data.framework().id(), data.framework().version()};
    }

    /**
     * The evidence exactly as the maturity projection gathers it: every answer; per dimension every segment of an
     * interview (its codings) with the interview's informant. The framework's rules then form the units.
     */
    static Map<String, DimensionEvidence> evidence(List<SelfAssessmentRecord> selfAssessments,
                                                   List<FindingRecord> findings, Framework framework,
                                                   Map<String, InterviewRecord> interviews) {
        Map<String, DimensionEvidence> out = new HashMap<>();
        for (int i = 0; i < framework.dimensions().size(); i++) {
            String dimension = framework.dimensions().get(i).code();
            List<Double> answers = new ArrayList<>();
            for (SelfAssessmentRecord s : selfAssessments) {
                if (s.answered(i)) {
                    answers.add(s.answers()[i]);
                }
            }
            Map<String, List<Integer>> units = new TreeMap<>();
            Map<String, String> informants = new HashMap<>();
            for (FindingRecord f : findings) {
                if (f.dimension().equals(dimension)) {
                    String unit = f.interviewId() + '\u0000' + f.unit();
                    units.computeIfAbsent(unit, u -> new ArrayList<>()).add(f.stage());
                    InterviewRecord interview = interviews.get(f.interviewId());
                    informants.put(unit, interview == null ? null : interview.participant());
                }
            }
            List<InterviewSegment> segments = new ArrayList<>();
            units.forEach((unit, stages) -> segments.add(new InterviewSegment(informants.get(unit), unit, stages)));
            out.put(dimension, new DimensionEvidence(segments, answers));
        }
        return out;
    }

    private Map<String, DimensionEvidence> evidence(List<SelfAssessmentRecord> selfAssessments,
                                                    List<FindingRecord> findings) {
        return evidence(selfAssessments, findings, data.framework(), data.interviews());
    }
}
