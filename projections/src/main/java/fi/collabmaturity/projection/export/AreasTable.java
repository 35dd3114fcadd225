package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.Party;
import fi.collabmaturity.framework.Dimension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** areas.csv: one row per area, by area id, with its region, theme, parties and target profile. */
final class AreasTable implements ExportTable {

    private final StudyExportData data;

    AreasTable(StudyExportData data) {
        this.data = data;
    }

    @Override
    public TableDefinition definition() {
        List<Column> columns = new ArrayList<>(List.of(SharedColumns.studyId(), SharedColumns.areaId(),
                Column.of("area_name", ColumnType.STRING, true, new Bilingual("Alueen nimi", "Area name"),
                        new Bilingual("Alueen nimi, esim. \"Lappi · HYTE\".", "The area's name, e.g. "
                                + "\"Lapland · HYTE\".")),
                Column.of("region_code", ColumnType.STRING, true, new Bilingual("Hyvinvointialue", "Region"),
                        new Bilingual("Hyvinvointialueen kaksinumeroinen koodi (Tilastokeskus; 90 = Helsinki).",
                                "The two-digit code of the wellbeing services county (Statistics Finland; "
                                        + "90 = Helsinki)."))
                        .coded(CodeLists.regions(data.regions()), false),
                Column.of("region_name_fi", ColumnType.STRING, false,
                        new Bilingual("Hyvinvointialueen nimi suomeksi", "Region name in Finnish"),
                        new Bilingual("Hyvinvointialueen nimi suomeksi.", "The county's name in Finnish.")),
                Column.of("region_name_en", ColumnType.STRING, false,
                        new Bilingual("Hyvinvointialueen nimi englanniksi", "Region name in English"),
                        new Bilingual("Hyvinvointialueen nimi englanniksi.", "The county's name in English.")),
                Column.of("interface_theme", ColumnType.STRING, true,
                        new Bilingual("Yhdyspinnan teema", "Interface theme"),
                        new Bilingual("Kunnan ja hyvinvointialueen yhdyspinnan teema.",
                                "The theme of the interface between municipalities and the county."))
                        .coded(CodeLists.interfaceThemes(data.interfaceThemes()), false),
                Column.of("interface_theme_name_fi", ColumnType.STRING, false,
                        new Bilingual("Teeman nimi suomeksi", "Theme name in Finnish"),
                        new Bilingual("Yhdyspinnan teeman nimi suomeksi.", "The theme's name in Finnish.")),
                Column.of("interface_theme_name_en", ColumnType.STRING, false,
                        new Bilingual("Teeman nimi englanniksi", "Theme name in English"),
                        new Bilingual("Yhdyspinnan teeman nimi englanniksi.", "The theme's name in English.")),
                Column.of("parties", ColumnType.STRING, false, new Bilingual("Osapuolet", "Parties"),
                        new Bilingual("Yhteistyön osapuolten nimet puolipisteellä eroteltuina (\\; ja \\\\ "
                                + "nimen sisällä).", "The names of the parties, separated by semicolons (\\; and "
                                + "\\\\ inside a name).")),
                Column.of("party_types", ColumnType.STRING, false,
                        new Bilingual("Osapuolten tyypit", "Party types"),
                        new Bilingual("Osapuolten organisaatiotyypit samassa järjestyksessä kuin parties.",
                                "The parties' organisation types, in the order of parties."))));
        for (Dimension d : data.framework().dimensions()) {
            columns.add(Column.of("target_" + d.code(), ColumnType.INTEGER, true,
                    new Bilingual("Tavoitevaihe: " + d.labels().fi(), "Target stage: " + d.labels().en()),
                    new Bilingual("Alueen tavoitevaihe ulottuvuudella " + d.code() + " (1-3).",
                            "The area's target stage on " + d.code() + " (1-3)."))
                    .coded(CodeLists.stageNumbers(data.framework()), true)
                    .between(data.framework().lowestStage(), data.framework().highestStage()));
        }
        return new TableDefinition("areas", new Bilingual("Alueet", "Areas"),
                new Bilingual("Arvioitavat yhteistyöalueet (yhdyspinnat) tunnisteen mukaan järjestettyinä.",
                        "The collaboration areas assessed, ordered by id."),
                columns, List.of("area_id"), List.of());
    }

    @Override
    public void writeRows(RowSink rows) throws IOException {
        for (AreaRecord a : data.areas()) {
            Bilingual region = CodeLists.regionName(data.regions(), a.regionCode());
            Bilingual theme = CodeLists.themeName(data.interfaceThemes(), a.interfaceTheme());
            List<String> cells = new ArrayList<>();
            cells.add(data.study().studyId());
            cells.add(a.areaId());
            cells.add(a.name());
            cells.add(a.regionCode());
            cells.add(region == null ? null : region.fi());
            cells.add(region == null ? null : region.en());
            cells.add(a.interfaceTheme());
            cells.add(theme == null ? null : theme.fi());
            cells.add(theme == null ? null : theme.en());
            cells.add(Cells.joined(a.parties().stream().map(Party::name).toList()));
            cells.add(Cells.joined(a.parties().stream().map(Party::type).toList()));
            for (Dimension d : data.framework().dimensions()) {
                cells.add(Cells.integer(a.targetProfile().get(d.code())));
            }
            rows.row(cells.toArray(String[]::new));
        }
    }
}
