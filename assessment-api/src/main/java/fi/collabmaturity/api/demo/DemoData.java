package fi.collabmaturity.api.demo;

import fi.collabmaturity.area.AssessBuildingBlocks;
import fi.collabmaturity.area.BuildingBlocks;
import fi.collabmaturity.area.Party;
import fi.collabmaturity.area.RecordAgreement;
import fi.collabmaturity.area.RecordForum;
import fi.collabmaturity.area.RecordNegotiation;
import fi.collabmaturity.area.RegisterArea;
import fi.collabmaturity.area.SetTargetProfile;
import fi.collabmaturity.interview.RecordFinding;
import fi.collabmaturity.interview.RecordInterview;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.selfassessment.RespondentKind;
import fi.collabmaturity.selfassessment.SubmitSelfAssessment;
import fi.collabmaturity.study.CloseWave;
import fi.collabmaturity.study.CreateStudy;
import fi.collabmaturity.study.CreateWave;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A Lapland-like demo study, generated deterministically (fixed seed): three waves (2023 baseline, 2024, 2025),
 * four areas with parties, 18 theme interviews whose coded findings echo the source documents' preliminary
 * observations (unclear responsibilities, resource gap, unknown partners, reactive and person-dependent
 * collaboration, levels unaware of each other), a third of the segments double-coded, dozens of self-assessments
 * per area and wave that improve believably over time, and structural evidence.
 */
final class DemoData {

    static final String STUDY_ID = "lapland-demo";
    static final String[] DIMENSIONS = {"trust", "communication", "information_sharing", "goals", "power",
            "resources", "accountability", "commitment"};
    private static final String[] WAVES = {"w2023", "w2024", "w2025"};
    private static final String[] ORGANISATIONS = {"wellbeing_services_county", "municipality", "municipality",
            "municipality", "regional_council", "ngo", "parish", "state_authority"};
    private static final String[] LEVELS = {"leadership", "coordination", "operations"};

    private DemoData() {
    }

    /** Where an area starts on each dimension (baseline means) and how much it gains per wave. */
    private record AreaPlan(String id, String name, String theme, List<Party> parties,
                            Map<String, Integer> target, double[] baseline, double[] gainPerWave, int respondents) {
    }

    static List<Object> commands() {
        List<Object> out = new ArrayList<>();
        Random random = new Random(20231005L);
        out.add(new CreateStudy(STUDY_ID, "Lapin yhdyspintojen yhteistyön kypsyys (demo)", "keast-mandell-2014",
                "Demo: Lapin hyvinvointialueen ja kuntien monitoimijainen strateginen yhteistyö 2023-2025. "
                        + "Generated data for trying the instrument; not research data.", "demo-loader"));
        out.add(new CreateWave(STUDY_ID, "w2023", "2023 syksy (lähtötaso)", LocalDate.of(2023, 9, 1),
                LocalDate.of(2023, 12, 15)));
        out.add(new CreateWave(STUDY_ID, "w2024", "2024 syksy", LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 15)));
        out.add(new CreateWave(STUDY_ID, "w2025", "2025 syksy", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 15)));

        List<AreaPlan> areas = areas();
        for (AreaPlan area : areas) {
            out.add(new RegisterArea(STUDY_ID, area.id(), area.name(), "21", area.theme(), area.parties(),
                    area.target()));
        }
        structuralEvidence(out);
        interviews(out, random);
        selfAssessments(out, areas, random);
        // a target chosen in the last wave, with its reason: the earlier waves' paths keep the target they had
        out.add(new SetTargetProfile(STUDY_ID, "employment", Map.of("power", 2, "resources", 2,
                "information_sharing", 2), "w2025", "Työllisyyspalveluissa riittää koordinaatio tiedon jakamisessa: "
                + "kukin toimija vastaa omista asiakkuuksistaan (demo).", null));
        out.add(new CloseWave(STUDY_ID, "w2023"));
        out.add(new CloseWave(STUDY_ID, "w2024"));
        return out;
    }

    private static List<AreaPlan> areas() {
        Party county = new Party("wellbeing_services_county", "Lapin hyvinvointialue", "21");
        Party council = new Party("regional_council", "Lapin liitto", null);
        List<Party> municipalities = List.of(new Party("municipality", "Rovaniemi", "698"),
                new Party("municipality", "Kemi", "240"), new Party("municipality", "Tornio", "851"),
                new Party("municipality", "Sodankylä", "758"), new Party("municipality", "Inari", "148"),
                new Party("municipality", "Kemijärvi", "320"));
        List<Party> hyteParties = new ArrayList<>(List.of(county, council));
        hyteParties.addAll(municipalities);
        hyteParties.add(new Party("ngo", "Lapin järjestöjen yhteistyöverkosto", null));
        hyteParties.add(new Party("parish", "Rovaniemen seurakunta", null));
        List<Party> employmentParties = new ArrayList<>(List.of(county, council));
        employmentParties.addAll(municipalities.subList(0, 3));
        employmentParties.add(new Party("state_authority", "Lapin ELY-keskus", null));
        List<Party> integrationParties = List.of(county, municipalities.get(0), municipalities.get(2),
                new Party("ngo", "Monikulttuurisuusyhdistys", null), new Party("state_authority", "Maahanmuuttovirasto", null));
        List<Party> preparednessParties = List.of(county, council, municipalities.get(0), municipalities.get(3),
                new Party("state_authority", "Lapin pelastuslaitos", null));
        //                                   trust comm info  goals power res  acc  commit
        return List.of(
                new AreaPlan("hyte", "Lappi · HYTE", "hyte", hyteParties, Map.of(),
                        new double[]{1.7, 1.5, 1.4, 1.5, 1.3, 1.3, 1.4, 1.6},
                        new double[]{0.25, 0.35, 0.3, 0.3, 0.1, 0.15, 0.2, 0.25}, 36),
                new AreaPlan("employment", "Lappi · työllisyys", "employment", employmentParties,
                        Map.of("power", 2, "resources", 2),
                        new double[]{1.8, 1.6, 1.5, 1.7, 1.4, 1.5, 1.5, 1.7},
                        new double[]{0.2, 0.25, 0.25, 0.2, 0.05, 0.2, 0.15, 0.2}, 30),
                new AreaPlan("integration", "Lappi · maahanmuutto ja kotoutuminen", "immigration_integration",
                        integrationParties, Map.of("power", 2),
                        new double[]{1.5, 1.3, 1.3, 1.4, 1.2, 1.2, 1.3, 1.4},
                        new double[]{0.2, 0.3, 0.2, 0.25, 0.1, 0.1, 0.15, 0.15}, 24),
                new AreaPlan("preparedness", "Lappi · varautuminen ja turvallisuus", "preparedness_security",
                        preparednessParties, Map.of(),
                        new double[]{2.0, 1.9, 1.7, 1.9, 1.5, 1.6, 1.8, 2.0},
                        new double[]{0.15, 0.2, 0.2, 0.15, 0.1, 0.1, 0.1, 0.15}, 28));
    }

    private static void structuralEvidence(List<Object> out) {
        out.add(new AssessBuildingBlocks(STUDY_ID, "hyte", new BuildingBlocks("in_place", "partial", "partial",
                "missing", "partial", "in_place")));
        out.add(new AssessBuildingBlocks(STUDY_ID, "employment", new BuildingBlocks("in_place", "partial",
                "in_place", "partial", "missing", "partial")));
        out.add(new AssessBuildingBlocks(STUDY_ID, "integration", new BuildingBlocks("partial", "missing", "missing",
                "missing", "missing", "partial")));
        out.add(new AssessBuildingBlocks(STUDY_ID, "preparedness", new BuildingBlocks("in_place", "in_place",
                "partial", "in_place", "partial", "in_place")));
        Party council = new Party("regional_council", "Lapin liitto", null);
        out.add(new RecordAgreement(STUDY_ID, "hyte", "hyte-strategic", "strategic", "ready",
                List.of(new Party("wellbeing_services_county", "Lapin hyvinvointialue", "21"), council), true,
                LocalDate.of(2024, 5, 20)));
        out.add(new RecordAgreement(STUDY_ID, "employment", "employment-strategic", "strategic", "in_preparation",
                List.of(new Party("wellbeing_services_county", "Lapin hyvinvointialue", "21")), false, null));
        out.add(new RecordAgreement(STUDY_ID, "integration", "integration-strategic", "strategic", "none",
                List.of(), false, null));
        out.add(new RecordAgreement(STUDY_ID, "preparedness", "preparedness-strategic", "strategic", "ready",
                List.of(new Party("wellbeing_services_county", "Lapin hyvinvointialue", "21"), council), true,
                LocalDate.of(2023, 11, 30)));
        out.add(new RecordNegotiation(STUDY_ID, "hyte", "hyte-2023", "hyte", LocalDate.of(2023, 10, 12),
                "whole_region", List.of()));
        out.add(new RecordNegotiation(STUDY_ID, "hyte", "hyte-2024", "hyte", LocalDate.of(2024, 10, 9),
                "sub_regional", List.of()));
        out.add(new RecordNegotiation(STUDY_ID, "hyte", "hyte-2025", "hyte", LocalDate.of(2025, 10, 8),
                "sub_regional", List.of()));
        out.add(new RecordNegotiation(STUDY_ID, "employment", "s14-2023", "s14", LocalDate.of(2023, 3, 15),
                "per_municipality", List.of()));
        out.add(new RecordNegotiation(STUDY_ID, "preparedness", "s14-2025", "s14", LocalDate.of(2025, 9, 24),
                "whole_region", List.of()));
        out.add(new RecordForum(STUDY_ID, "hyte", "hyte-group", "Lapin HYTE-työryhmä", "operational",
                LocalDate.of(2023, 3, 1)));
        out.add(new RecordForum(STUDY_ID, "hyte", "cooperation-board", "Hyvinvointialueen ja kuntien yhteistyöryhmä",
                "strategic", LocalDate.of(2023, 6, 1)));
        out.add(new RecordForum(STUDY_ID, "preparedness", "preparedness-forum", "Lapin valmiusfoorumi", "strategic",
                LocalDate.of(2022, 1, 1)));
    }

    /** What informants said, as codes and typical stages per dimension, echoing the seeds' observations. */
    private record Observation(String dimension, int stage, List<String> codes, String excerpt) {
    }

    private static final List<Observation> BASELINE = List.of(
            new Observation("goals", 1, List.of("unclear responsibilities", "own goals legitimised"),
                    "Jokainen organisaatio katsoo ensin omia tavoitteitaan, yhteinen suunta puuttuu."),
            new Observation("accountability", 1, List.of("unclear responsibilities"),
                    "Ei ole selvää, kuka tätä yhteistyötä oikeastaan johtaa ja kuka tekee aloitteen."),
            new Observation("resources", 1, List.of("resource gap"),
                    "Resursseja ei ole, kaikki tehdään oman työn ohessa."),
            new Observation("information_sharing", 1, List.of("information exchange only", "unknown partners"),
                    "Emme oikein tiedä, keitä muilta toimijoilta pitäisi lähestyä."),
            new Observation("communication", 1, List.of("reactive", "depends on individuals"),
                    "Yhteydenpito syntyy, kun jotain tapahtuu, ja riippuu parista aktiivisesta ihmisestä."),
            new Observation("trust", 2, List.of("will to collaborate", "cautious optimism"),
                    "Tahtoa on paljon, ja odotukset ovat varovaisen myönteiset."),
            new Observation("commitment", 1, List.of("depends on individuals"),
                    "Jos tämä ihminen lähtee, yhteistyö loppuu siihen."),
            new Observation("power", 1, List.of("own goals legitimised"),
                    "Päätökset tehdään omissa organisaatioissa, yhteistä päätösvaltaa ei ole."),
            new Observation("communication", 1, List.of("levels disconnected"),
                    "Johto, koordinaatio ja käytännön työ eivät tiedä toistensa tekemisistä."));
    private static final List<Observation> LATER = List.of(
            new Observation("goals", 2, List.of("shared goals emerging"),
                    "Hyvinvointisuunnitelmaan on nyt kirjattu muutama yhteinen tavoite."),
            new Observation("communication", 2, List.of("structured meetings"),
                    "Tapaamme nyt säännöllisesti, ja asialistat tehdään yhdessä."),
            new Observation("resources", 1, List.of("resource gap"),
                    "Rahoitus on edelleen hankkeiden varassa."),
            new Observation("accountability", 2, List.of("roles clarified"),
                    "Vastuut on sovittu sopimuksessa, mutta arjessa ne vielä hakevat muotoaan."),
            new Observation("information_sharing", 2, List.of("project-bound sharing"),
                    "Tietoa jaetaan hyvin hankkeen sisällä, sen ulkopuolella vähemmän."),
            new Observation("trust", 2, List.of("will to collaborate"),
                    "Luottamus on kasvanut, kun on opittu tuntemaan toisiamme."),
            new Observation("commitment", 2, List.of("project-bound commitment"),
                    "Sitoutuminen kestää hankekauden, mutta mitä sen jälkeen?"),
            new Observation("power", 1, List.of("own goals legitimised"),
                    "Valta on yhä kullakin organisaatiolla itsellään."));

    private static void interviews(List<Object> out, Random random) {
        String[] areaIds = {"hyte", "employment", "integration", "preparedness"};
        int[] perWave = {8, 5, 5};
        int informant = 0;
        for (int w = 0; w < WAVES.length; w++) {
            List<Observation> pool = w == 0 ? BASELINE : LATER;
            for (int i = 0; i < perWave[w]; i++) {
                informant++;
                String interviewId = "int-" + WAVES[w] + "-" + i;
                String area = areaIds[(informant - 1) % areaIds.length];
                List<String> spoken = informant % 3 == 0 ? List.of(area, "hyte".equals(area) ? "employment" : "hyte")
                        : List.of(area);
                out.add(new RecordInterview(interviewId, STUDY_ID, WAVES[w], LocalDate.of(2023 + w, 10, 2 + i),
                        new Participant(String.format("H%02d", informant), ORGANISATIONS[informant % ORGANISATIONS.length],
                                LEVELS[informant % LEVELS.length]), spoken, "tutkija-a"));
                int findings = 4 + random.nextInt(4);
                for (int f = 0; f < findings; f++) {
                    Observation o = pool.get((i + f * 2 + w) % pool.size());
                    int stage = Math.max(1, Math.min(3, o.stage() + (random.nextInt(6) == 0 ? 1 : 0)));
                    String segment = "s" + (f + 1);
                    out.add(new RecordFinding(interviewId, STUDY_ID, "f" + (f + 1), segment, spoken.get(f % spoken.size()),
                            o.dimension(), stage, o.codes(), o.excerpt(), "tutkija-a"));
                    if (f % 3 == 0) {
                        // the second coder mostly agrees; now and then reads the segment one stage differently
                        int second = random.nextInt(5) == 0 ? Math.max(1, Math.min(3, stage + (stage == 3 ? -1 : 1)))
                                : stage;
                        out.add(new RecordFinding(interviewId, STUDY_ID, "f" + (f + 1) + "b", segment,
                                spoken.get(f % spoken.size()), o.dimension(), second, o.codes(), null, "tutkija-b"));
                    }
                }
            }
        }
    }

    private static void selfAssessments(List<Object> out, List<AreaPlan> areas, Random random) {
        for (AreaPlan area : areas) {
            for (int w = 0; w < WAVES.length; w++) {
                // about two thirds of respondents return in the next wave: the same pseudonym is the same person
                int firstNew = w * area.respondents() / 3;
                for (int r = 0; r < area.respondents(); r++) {
                    String pseudonym = String.format("%s-R%03d", area.id().substring(0, 3).toUpperCase(), firstNew + r);
                    Map<String, BigDecimal> answers = new LinkedHashMap<>();
                    for (int d = 0; d < DIMENSIONS.length; d++) {
                        if (random.nextInt(20) == 0) {
                            continue; // skipped now and then: stays missing
                        }
                        double mean = area.baseline()[d] + w * area.gainPerWave()[d];
                        double value = mean + random.nextGaussian() * 0.45;
                        answers.put(DIMENSIONS[d], onScale(value));
                    }
                    Map<String, String> comments = r % 11 == 0
                            ? Map.of("resources", "Resurssit ratkaisevat, ja niitä on liian vähän.") : Map.of();
                    // now and then a workshop group answers together: still one respondent, one answer
                    RespondentKind kind = r % 9 == 4 ? new RespondentKind(RespondentKind.GROUP, 4 + r % 5)
                            : RespondentKind.ONE_PERSON;
                    out.add(new SubmitSelfAssessment(String.format("sa-%s-%s-%03d", area.id(), WAVES[w], r), STUDY_ID,
                            area.id(), WAVES[w], new Participant(pseudonym, ORGANISATIONS[r % ORGANISATIONS.length],
                            LEVELS[r % LEVELS.length]), kind, answers, comments, null));
                }
            }
        }
    }

    private static BigDecimal onScale(double value) {
        double clipped = Math.max(1.0, Math.min(3.0, value));
        return BigDecimal.valueOf(Math.round(clipped * 2) / 2.0).setScale(1);
    }
}
