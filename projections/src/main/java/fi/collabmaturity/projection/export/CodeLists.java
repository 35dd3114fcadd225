package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.Stage;
import fi.collabmaturity.reference.ActorLevel;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.OrganisationType;
import fi.collabmaturity.reference.Region;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.selfassessment.CollectionMode;
import fi.collabmaturity.selfassessment.RespondentKind;

import java.util.List;
import java.util.Map;

/**
 * The code lists of the export with their labels in Finnish and English. Framework codes (dimensions, stages),
 * regions and interface themes come from their data; the product's own fixed codes are labelled here.
 */
public final class CodeLists {

    public static final String INTERVIEWS = "interviews";
    public static final String SELF_ASSESSMENTS = "self_assessments";
    public static final String COMBINED = "combined";
    public static final String SUFFICIENT = "sufficient";
    public static final String INSUFFICIENT = "insufficient";

    private static final Map<String, Bilingual> ORGANISATION_TYPES = Map.of(
            "wellbeing_services_county", new Bilingual("Hyvinvointialue", "Wellbeing services county"),
            "municipality", new Bilingual("Kunta", "Municipality"),
            "regional_council", new Bilingual("Maakunnan liitto", "Regional council"),
            "ngo", new Bilingual("Järjestö", "Non-governmental organisation"),
            "parish", new Bilingual("Seurakunta", "Parish"),
            "company", new Bilingual("Yritys", "Company"),
            "state_authority", new Bilingual("Valtion viranomainen", "State authority"),
            "other", new Bilingual("Muu", "Other"));

    private static final Map<String, Bilingual> ACTOR_LEVELS = Map.of(
            "leadership", new Bilingual("Johto", "Leadership"),
            "coordination", new Bilingual("Koordinaatio", "Coordination"),
            "operations", new Bilingual("Operatiivinen toiminta", "Operations"));

    private static final Map<String, Bilingual> RESPONDENT_KINDS = Map.of(
            RespondentKind.PERSON, new Bilingual("Henkilö", "Person"),
            RespondentKind.GROUP, new Bilingual("Ryhmä (työpaja vastaa yhdessä)",
                    "Group (a workshop answering together)"));

    private static final Map<String, Bilingual> COLLECTION_MODES = Map.of(
            CollectionMode.API, new Bilingual("Tutkijan syöttämä (rajapinta)", "Entered by a researcher (API)"),
            CollectionMode.SPREADSHEET, new Bilingual("Tuotu taulukkotiedostosta", "Imported from a spreadsheet"),
            CollectionMode.QUESTIONNAIRE, new Bilingual("Vastaajan itse täyttämä kysely",
                    "Questionnaire filled in by the respondent"));

    private CodeLists() {
    }

    /** How a self-assessment was collected, in the order of {@link CollectionMode#codes()}. */
    public static List<Category> collectionModes() {
        return CollectionMode.codes().stream().map(c -> new Category(c, label(COLLECTION_MODES, c))).toList();
    }

    public static List<Category> respondentKinds() {
        return RespondentKind.codes().stream().map(c -> new Category(c, label(RESPONDENT_KINDS, c))).toList();
    }

    public static List<Category> organisationTypes() {
        return OrganisationType.codes().stream().map(c -> new Category(c, label(ORGANISATION_TYPES, c))).toList();
    }

    public static List<Category> actorLevels() {
        return ActorLevel.codes().stream().map(c -> new Category(c, label(ACTOR_LEVELS, c))).toList();
    }

    /** The evidence sources of scores_long, in the order its rows take. */
    public static List<Category> sources() {
        return List.of(
                new Category(INTERVIEWS, new Bilingual("Haastattelut (koodatut segmentit)",
                        "Interviews (coded segments)")),
                new Category(SELF_ASSESSMENTS, new Bilingual("Itsearvioinnit (vastaukset)",
                        "Self-assessments (answers)")),
                new Category(COMBINED, new Bilingual("Yhdistetty pistemäärä (riittävien lähteiden painotettu "
                        + "keskiarvo)", "Combined score (weighted mean of the sufficient sources)")));
    }

    public static List<Category> evidence() {
        return List.of(
                new Category(SUFFICIENT, new Bilingual("Riittävä näyttö", "Sufficient evidence")),
                new Category(INSUFFICIENT, new Bilingual("Riittämätön näyttö", "Insufficient evidence")));
    }

    public static List<Category> dimensions(Framework framework) {
        return framework.dimensions().stream()
                .map(d -> new Category(d.code(), Bilingual.of(d.labels()))).toList();
    }

    public static List<Category> stages(Framework framework) {
        return framework.stages().stream().map(s -> new Category(s.code(), Bilingual.of(s.labels()))).toList();
    }

    /**
     * The stages a score can report: every stage, then the ranges of merged anchors (power's
     * {@code cooperation_or_coordination} from framework 1.1.0 on).
     */
    public static List<Category> reportedStages(Framework framework) {
        return framework.reportedStages().stream()
                .map(r -> new Category(framework.stageCode(r), Bilingual.of(framework.stageLabels(r)))).toList();
    }

    public static List<Category> stageNumbers(Framework framework) {
        return framework.stages().stream()
                .map(s -> new Category(Integer.toString(s.number()), Bilingual.of(s.labels()))).toList();
    }

    public static List<Category> regions(RegionCatalog regions) {
        return regions.all().stream().map(r -> new Category(r.code(), Bilingual.of(r.names()))).toList();
    }

    public static List<Category> interfaceThemes(List<InterfaceTheme> themes) {
        return themes.stream().map(t -> new Category(t.code(), Bilingual.of(t.names()))).toList();
    }

    public static Bilingual regionName(RegionCatalog regions, String code) {
        return regions.find(code).map(Region::names).map(Bilingual::of).orElse(null);
    }

    public static Bilingual themeName(List<InterfaceTheme> themes, String code) {
        return themes.stream().filter(t -> t.code().equals(code)).findFirst()
                .map(t -> Bilingual.of(t.names())).orElse(null);
    }

    public static String stageCode(Framework framework, Integer stage) {
        return stage == null ? null : framework.stage(stage).code();
    }

    public static Bilingual dimensionLabel(Dimension d) {
        return Bilingual.of(d.labels());
    }

    public static Bilingual stageLabel(Stage s) {
        return Bilingual.of(s.labels());
    }

    private static Bilingual label(Map<String, Bilingual> labels, String code) {
        Bilingual label = labels.get(code);
        return label != null ? label : new Bilingual(code, code);
    }
}
