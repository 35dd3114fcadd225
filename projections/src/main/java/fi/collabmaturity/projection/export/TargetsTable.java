package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.TargetProfileChoice;
import fi.collabmaturity.area.TargetProfileHistory;
import fi.collabmaturity.framework.Dimension;

import java.io.IOException;
import java.util.List;

/**
 * targets_long.csv: the target stage of every wave, area and dimension, as the maturity path of that wave uses it: a
 * target applies from the wave it was set from, so a later one never rewrites an earlier wave's, and a wave before
 * any target has the default (the highest stage everywhere, no one's choice).
 */
final class TargetsTable implements ExportTable {

    static final String DEFAULT = "default";
    static final String SET = "set";

    private final StudyExportData data;

    TargetsTable(StudyExportData data) {
        this.data = data;
    }

    @Override
    public TableDefinition definition() {
        return new TableDefinition("targets_long",
                new Bilingual("Tavoiteprofiilit aalloittain (pitkä muoto)", "Target profiles by wave (long format)"),
                new Bilingual("Yksi rivi aaltoa, aluetta ja ulottuvuutta kohden: tavoitevaihe, jota aallon "
                        + "kehityspolku käyttää. Tavoite pätee aallosta, josta se asetettiin, eteenpäin.",
                        "One row per wave, area and dimension: the target stage the wave's maturity path uses. A "
                                + "target applies from the wave it was set from on."),
                List.of(SharedColumns.studyId(), SharedColumns.waveId(), SharedColumns.areaId(),
                        SharedColumns.dimension(data.framework()),
                        Column.of("target_stage", ColumnType.INTEGER, true,
                                new Bilingual("Tavoitevaihe", "Target stage"),
                                new Bilingual("Vaihe, johon ulottuvuuden halutaan yltävän tässä aallossa.",
                                        "The stage the dimension should reach in this wave."))
                                .coded(CodeLists.stageNumbers(data.framework()), true)
                                .between(data.framework().lowestStage(), data.framework().highestStage()),
                        Column.of("kind", ColumnType.STRING, true,
                                new Bilingual("Tavoitteen lähde", "Source of the target"),
                                new Bilingual("default = oletustavoite (korkein vaihe kaikilla ulottuvuuksilla, kukaan "
                                        + "ei ole valinnut sitä); set = asetettu tavoite.", "default = the default "
                                        + "target (the highest stage on every dimension, no one chose it); set = a "
                                        + "target that was set."))
                                .coded(List.of(
                                        new Category(DEFAULT, new Bilingual("Oletustavoite", "Default target")),
                                        new Category(SET, new Bilingual("Asetettu tavoite", "Target set"))), false),
                        Column.of("from_wave_id", ColumnType.STRING, false,
                                new Bilingual("Tavoite aallosta", "Target from wave"),
                                new Bilingual("Aalto, josta alkaen asetettu tavoite pätee; tyhjä, kun se pätee "
                                        + "ensimmäisestä aallosta tai tavoite on oletus.", "The wave from which the "
                                        + "target set applies; empty when it applies from the first wave or is the "
                                        + "default.")),
                        Column.of("rationale", ColumnType.STRING, false,
                                new Bilingual("Tavoitteen perustelu", "Rationale of the target"),
                                new Bilingual("Miksi juuri tämä yhdistelmä (vapaa teksti); tyhjä ilman perustelua.",
                                        "Why this mix (free text); empty without one."))),
                List.of("wave_id", "area_id", "dimension"),
                List.of(new ForeignKey("wave_id", "waves", "wave_id"), new ForeignKey("area_id", "areas", "area_id")));
    }

    @Override
    public void writeRows(RowSink rows) throws IOException {
        List<String> order = data.waves().stream().map(WaveRecord::waveId).toList();
        for (WaveRecord w : data.waves()) {
            for (AreaRecord a : data.areas()) {
                TargetProfileChoice target = TargetProfileHistory.of(data.framework(), a.targetProfiles())
                        .forWave(order, w.waveId());
                for (Dimension d : data.framework().dimensions()) {
                    rows.row(new String[]{data.study().studyId(), w.waveId(), a.areaId(), d.code(),
                            Cells.integer(target.stages().get(d.code())), target.isDefault() ? DEFAULT : SET,
                            target.isDefault() ? null : target.fromWaveId(),
                            target.isDefault() ? null : target.rationale()});
                }
            }
        }
    }
}
