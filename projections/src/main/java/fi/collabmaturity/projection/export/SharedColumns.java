package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Framework;

/** Columns that several tables share, described once so that they mean the same everywhere. */
final class SharedColumns {

    private SharedColumns() {
    }

    static Column studyId() {
        return Column.of("study_id", ColumnType.STRING, true, new Bilingual("Tutkimuksen tunniste", "Study identifier"),
                new Bilingual("Tutkimuksen tunniste sovelluksessa.", "The study's identifier in the application."));
    }

    static Column waveId() {
        return Column.of("wave_id", ColumnType.STRING, true, new Bilingual("Aallon tunniste", "Wave identifier"),
                new Bilingual("Mittausaallon tunniste; aallot ovat tiedostossa waves.csv.",
                        "The measurement wave's identifier; the waves are in waves.csv."));
    }

    static Column areaId() {
        return Column.of("area_id", ColumnType.STRING, true, new Bilingual("Alueen tunniste", "Area identifier"),
                new Bilingual("Arvioitavan yhteistyöalueen (yhdyspinnan) tunniste; alueet ovat tiedostossa areas.csv.",
                        "The identifier of the collaboration area assessed; the areas are in areas.csv."));
    }

    static Column dimension(Framework framework) {
        return Column.of("dimension", ColumnType.STRING, true, new Bilingual("Ulottuvuus", "Dimension"),
                new Bilingual("Kypsyysmallin ulottuvuus (" + framework.id() + ").",
                        "The framework dimension (" + framework.id() + ")."))
                .coded(CodeLists.dimensions(framework), false);
    }

    static Column stage(Framework framework, boolean required, Bilingual description) {
        return new Column("stage", ColumnType.STRING, new Bilingual("Vaihe", "Stage"), description, required,
                CodeLists.stages(framework), true, null, null);
    }

    /** The stage of a score: a stage, or the range of a merged anchor (see {@link CodeLists#reportedStages}). */
    static Column reportedStage(Framework framework, Bilingual description) {
        return new Column("stage", ColumnType.STRING, new Bilingual("Vaihe", "Stage"), description, false,
                CodeLists.reportedStages(framework), true, null, null);
    }

    static Column organisationType(String name, boolean respondent) {
        String fi = respondent ? "Vastaajan" : "Haastateltavan";
        String en = respondent ? "The respondent's" : "The informant's";
        return Column.of(name, ColumnType.STRING, false,
                new Bilingual(fi + " organisaatiotyyppi", en + " organisation type"),
                new Bilingual(fi + " organisaatiotyyppi (henkilötieto). Tyhjä, jos henkilön tiedot on poistettu.",
                        en + " type of organisation (personal data). Empty when the participant has been erased."))
                .coded(CodeLists.organisationTypes(), false);
    }

    static Column actorLevel(String name, boolean respondent) {
        String fi = respondent ? "Vastaajan" : "Haastateltavan";
        String en = respondent ? "The respondent's" : "The informant's";
        return Column.of(name, ColumnType.STRING, false,
                new Bilingual(fi + " toimijataso", en + " actor level"),
                new Bilingual(fi + " toimijataso (henkilötieto). Tyhjä, jos henkilön tiedot on poistettu.",
                        en + " actor level (personal data). Empty when the participant has been erased."))
                .coded(CodeLists.actorLevels(), false);
    }

    static Column pseudonym(String name, boolean respondent) {
        String fi = respondent ? "Vastaajan" : "Haastateltavan";
        String en = respondent ? "The respondent's" : "The informant's";
        return Column.of(name, ColumnType.STRING, true, new Bilingual(fi + " pseudonyymi", en + " pseudonym"),
                new Bilingual(fi + " pseudonyymi; sama pseudonyymi eri aalloissa on sama henkilö (paneeli). "
                        + "Poistetun henkilön pseudonyymin tilalla on pysyvä anonyymi tunniste erased-xxxxxxxx.",
                        en + " pseudonym; the same pseudonym in different waves is the same person (a panel). "
                                + "An erased participant's pseudonym is replaced by a stable anonymous token "
                                + "erased-xxxxxxxx."));
    }

    static Column erased(String name, boolean respondent) {
        String fi = respondent ? "Vastaajan" : "Haastateltavan";
        String en = respondent ? "The respondent's" : "The informant's";
        return Column.of(name, ColumnType.BOOLEAN, true,
                new Bilingual(fi + " tiedot poistettu", en + " personal data erased"),
                new Bilingual("true, jos henkilön henkilötiedot on poistettu (kryptografinen poisto); silloin "
                        + "pseudonyymi on korvattu ja taustatiedot ovat tyhjiä.",
                        "true when the participant's personal data has been erased (crypto-shredding); the "
                                + "pseudonym is then replaced and the attributes are empty."));
    }
}
