package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.TargetProfileHistory;
import fi.collabmaturity.area.TargetProfileSet;
import fi.collabmaturity.area.TargetProfileSetting;
import fi.collabmaturity.reference.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExportArchiveTest {

    static final Instant TIME = Instant.parse("2024-10-01T08:15:30.123Z");

    static StudyEvents scenario() {
        StudyEvents s = new StudyEvents("s1").study("Test study")
                .wave("w2024", "2024", "2024-09-01")
                .wave("w2023", "2023 baseline", "2023-09-01")
                .closeWave("w2023")
                .area("b-area", "21", "hyte")
                .area("a-area", "01", "employment")
                .selfAssessment("sa1", "b-area", "w2023", "R1", "trust=2.0,goals=1.0", Map.of())
                .selfAssessment("sa2", "b-area", "w2023", "R2", "trust=2.5,goals=1.5,power=2.0",
                        Map.of("commitment", "no time; really"))
                .selfAssessment("sa3", "b-area", "w2023", "R3", "trust=3.0", Map.of())
                .selfAssessment("sa4", "b-area", "w2023", "R4", "trust=1.0", Map.of())
                .withdrawSelfAssessment("sa4", "b-area", "w2023")
                .selfAssessment("sa5", "b-area", "w2024", "R1", "trust=2.5", Map.of())
                .interview("i1", "w2023", "H1", List.of("b-area"))
                .finding("i1", "w2023", "f1", "s1", "b-area", "goals", 1,
                        List.of("unclear responsibilities", "resource gap"), "Kukaan ei johda.", "maija")
                .finding("i1", "w2023", "f2", "s1", "b-area", "goals", 2, List.of("reactive"), null, "olli")
                .finding("i1", "w2023", "f3", null, "b-area", "goals", 1, List.of(), null, "maija")
                .finding("i1", "w2023", "f4", null, "b-area", "goals", 3, List.of("a;b"), null, "maija")
                .recode("i1", "w2023", "f4", "b-area", "goals", 2, List.of("a;b", "reactive"), 2)
                .finding("i1", "w2023", "f5", null, "b-area", "goals", 3, List.of("withdrawn code"), null, "maija")
                .withdrawFinding("i1", "w2023", "f5", "b-area", "goals")
                .interview("i2", "w2023", "H2", List.of("b-area"))
                .finding("i2", "w2023", "f1", null, "b-area", "trust", 2, List.of("reactive"), "Salainen.", "maija");
        return s;
    }

    static StudyExportData fold(StudyEvents s, ExportOptions options) {
        StudyLogFold fold = new StudyLogFold(s.studyId, options, new fi.collabmaturity.privacy.PersonalDataSealer(
                new ExportKeyCache(s.keys)), StudyEvents.FRAMEWORKS, RegionCatalog.fromClasspath());
        s.events.forEach(e -> fold.apply(e, s.metaDataOf(e)));
        return fold.result().orElseThrow();
    }

    static Map<String, String> export(StudyEvents s, ExportOptions options) throws IOException {
        return unzip(zip(s, options));
    }

    static byte[] zip(StudyEvents s, ExportOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExportArchive("9.9.9").write(fold(s, options), options, new ExportPoint(42, TIME, "global_index"), out);
        return out.toByteArray();
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void scoresWithTheFrameworkVersionInForceAndSaysWhichInTheManifestAndTheScores() throws IOException {
        StudyEvents before = scenario();
        Map<String, String> old = export(before, ExportOptions.DEFAULT);
        assertThat(old.get("manifest.json")).contains("\"version\" : \"1.0.0\"",
                "\"versionAtStudyCreation\" : \"1.0.0\"", "\"scoresComputedWith\" : \"1.0.0\"");

        Map<String, String> upgraded = export(scenario().upgradeFramework("1.0.0", "1.1.0"), ExportOptions.DEFAULT);
        assertThat(upgraded.get("manifest.json")).contains("\"version\" : \"1.1.0\"",
                "\"versionAtStudyCreation\" : \"1.0.0\"", "\"scoresComputedWith\" : \"1.1.0\"");
        String[] rows = upgraded.get("scores_long.csv").split("\n");
        assertThat(java.util.Arrays.stream(rows).skip(1)).isNotEmpty()
                .allSatisfy(row -> assertThat(row).endsWith(",keast-mandell-2014,1.1.0"));
    }

    @Test
    void writesTheFilesInAFixedOrder() throws IOException {
        assertThat(export(scenario(), ExportOptions.DEFAULT).keySet()).containsExactlyElementsOf(ExportArchive.FILES);
    }

    @Test
    void writesWavesInTimeOrderWithTheirStateAtThePoint() throws IOException {
        assertThat(export(scenario(), ExportOptions.DEFAULT).get("waves.csv")).isEqualTo("""
                study_id,wave_id,wave_index,wave_label,wave_opens_on,wave_closes_on,wave_closed
                s1,w2023,1,2023 baseline,2023-09-01,2023-12-01,true
                s1,w2024,2,2024,2024-09-01,2024-12-01,false
                """);
    }

    @Test
    void writesAreasByIdWithNamesPartiesAndTargets() throws IOException {
        String[] lines = export(scenario(), ExportOptions.DEFAULT).get("areas.csv").split("\n");
        assertThat(lines[0]).isEqualTo("study_id,area_id,area_name,region_code,region_name_fi,region_name_en,"
                + "interface_theme,interface_theme_name_fi,interface_theme_name_en,parties,party_types,target_trust,"
                + "target_communication,target_information_sharing,target_goals,target_power,target_resources,"
                + "target_accountability,target_commitment");
        assertThat(lines[1]).isEqualTo("s1,a-area,Area a-area,01,Itä-Uudenmaan hyvinvointialue,"
                + "East Uusimaa wellbeing services county,employment,Työllisyyden hoito,Employment,"
                + "County\\; north;Rovaniemi,wellbeing_services_county;municipality,3,3,3,3,3,2,3,3");
        assertThat(lines[2]).startsWith("s1,b-area,Area b-area,21,Lapin hyvinvointialue,");
        assertThat(lines).hasSize(3);
    }

    @Test
    void scoresEveryWaveAreaDimensionAndSourceLikeTheProfile() throws IOException {
        String csv = export(scenario(), ExportOptions.DEFAULT).get("scores_long.csv");
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("study_id,wave_id,wave_label,wave_opens_on,wave_closes_on,area_id,region_code,"
                + "interface_theme,dimension,source,n,mean,sd,ci_low,ci_high,score,stage,evidence,framework_id,"
                + "framework_version");
        // 2 waves x 2 areas x 8 dimensions x 3 sources
        assertThat(lines).hasSize(1 + 2 * 2 * 8 * 3);
        String b2023 = "s1,w2023,2023 baseline,2023-09-01,2023-12-01,b-area,21,hyte,";
        // trust: answers 2.0, 2.5, 3.0 (sa4 withdrawn): mean 2.5, sd 0.5, t(0.975,2) = 4.3027 * 0.5 / sqrt(3) = 1.242
        assertThat(csv).contains(b2023 + "trust,self_assessments,3,2.500,0.500,1.258,3.000,,,sufficient,"
                + "keast-mandell-2014,1.0.0\n");
        // trust from interviews: one finding of i2, below the minimum n of 3
        assertThat(csv).contains(b2023 + "trust,interviews,1,2.000,,,,,,insufficient,keast-mandell-2014,1.0.0\n");
        // the combined interval is its only counted source's
        assertThat(csv).contains(b2023 + "trust,combined,3,,,1.258,3.000,2.500,collaboration,sufficient,"
                + "keast-mandell-2014,1.0.0\n");
        // goals from interviews: segment s1 (1 and 2 → 1.5), f3 (1), f4 recoded to 2; f5 withdrawn
        assertThat(csv).contains(b2023 + "goals,interviews,3,1.500,0.500,1.000,2.742,,,sufficient,"
                + "keast-mandell-2014,1.0.0\n");
        // goals answers 1.0 and 1.5: reported, but too few to count
        assertThat(csv).contains(b2023 + "goals,self_assessments,2,1.250,0.354,1.000,3.000,,,insufficient,"
                + "keast-mandell-2014,1.0.0\n");
        assertThat(csv).contains(b2023 + "goals,combined,3,,,1.000,2.742,1.500,coordination,sufficient,"
                + "keast-mandell-2014,1.0.0\n");
        // nothing at all: n 0, everything else empty, never 0
        assertThat(csv).contains("s1,w2024,2024,2024-09-01,2024-12-01,a-area,01,employment,commitment,combined,0,"
                + ",,,,,,insufficient,keast-mandell-2014,1.0.0\n");
        // row order: wave, area, framework dimension order, source order
        assertThat(lines[1]).startsWith("s1,w2023,2023 baseline,2023-09-01,2023-12-01,a-area,01,employment,trust,"
                + "interviews,");
        assertThat(lines[2]).contains(",trust,self_assessments,");
        assertThat(lines[3]).contains(",trust,combined,");
        assertThat(lines[4]).contains(",communication,interviews,");
    }

    @Test
    void writesOneRowPerAnsweredDimensionWithErasedRespondentsAnonymised() throws IOException {
        StudyEvents s = scenario();
        String r3 = s.participant("R3");
        s.keys.destroy(r3);
        assertThat(export(s, ExportOptions.DEFAULT).get("self_assessments_long.csv")).isEqualTo("""
                study_id,wave_id,area_id,self_assessment_id,respondent_pseudonym,organisation_type,actor_level,\
                respondent_erased,respondent_kind,group_size,collection_mode,questionnaire_id,dimension,value
                s1,w2023,b-area,sa1,R1,municipality,coordination,false,person,,api,,trust,2.0
                s1,w2023,b-area,sa1,R1,municipality,coordination,false,person,,api,,goals,1.0
                s1,w2023,b-area,sa2,R2,municipality,coordination,false,person,,api,,trust,2.5
                s1,w2023,b-area,sa2,R2,municipality,coordination,false,person,,api,,goals,1.5
                s1,w2023,b-area,sa2,R2,municipality,coordination,false,person,,api,,power,2.0
                s1,w2023,b-area,sa3,erased-%s,,,true,,,api,,trust,3.0
                s1,w2024,b-area,sa5,R1,municipality,coordination,false,person,,api,,trust,2.5
                """.formatted(r3.substring(0, 8)));
    }

    @Test
    void addsCommentsOnlyWhenAskedIncludingOnSkippedDimensions() throws IOException {
        String csv = export(scenario(), ExportOptions.including(List.of(Inclusion.COMMENTS)))
                .get("self_assessments_long.csv");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",dimension,value,comment");
        assertThat(csv).contains("s1,w2023,b-area,sa2,R2,municipality,coordination,false,person,,api,,power,2.0,\n");
        assertThat(csv).contains("s1,w2023,b-area,sa2,R2,municipality,coordination,false,person,,api,,commitment,,"
                + "no time; really\n");
        assertThat(export(scenario(), ExportOptions.DEFAULT).get("self_assessments_long.csv"))
                .doesNotContain("no time").doesNotContain("commitment");
    }

    @Test
    void writesFindingsInTheirLatestCodingWithoutWithdrawnOnesOrExcerpts() throws IOException {
        StudyEvents s = scenario();
        String h2 = s.participant("H2");
        s.keys.destroy(h2);
        String csv = export(s, ExportOptions.DEFAULT).get("findings.csv");
        assertThat(csv).isEqualTo("""
                study_id,wave_id,area_id,interview_id,interview_conducted_on,informant_pseudonym,\
                informant_organisation_type,informant_actor_level,informant_erased,finding_id,segment_id,dimension,\
                stage,stage_number,codes,coder,revision
                s1,w2023,b-area,i1,2023-10-05,H1,ngo,leadership,false,f3,,goals,cooperation,1,,maija,1
                s1,w2023,b-area,i1,2023-10-05,H1,ngo,leadership,false,f4,,goals,coordination,2,a\\;b;reactive,maija,2
                s1,w2023,b-area,i1,2023-10-05,H1,ngo,leadership,false,f1,s1,goals,cooperation,1,\
                unclear responsibilities;resource gap,maija,1
                s1,w2023,b-area,i1,2023-10-05,H1,ngo,leadership,false,f2,s1,goals,coordination,2,reactive,olli,1
                s1,w2023,b-area,i2,2023-10-05,erased-%s,,,true,f1,,trust,coordination,2,reactive,maija,1
                """.formatted(h2.substring(0, 8)));
    }

    @Test
    void addsExcerptsOnlyWhenAskedAndNeverOfErasedInformants() throws IOException {
        StudyEvents s = scenario();
        s.keys.destroy(s.participant("H2"));
        String csv = export(s, ExportOptions.including(List.of(Inclusion.EXCERPTS))).get("findings.csv");
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",coder,revision,excerpt");
        assertThat(csv).contains(",f1,s1,goals,cooperation,1,unclear responsibilities;resource gap,maija,1,"
                + "Kukaan ei johda.\n");
        assertThat(csv).contains(",f1,,trust,coordination,2,reactive,maija,1,\n");
        assertThat(csv).doesNotContain("Salainen");
    }

    @Test
    void givesTheSameBytesForTheSameEvents() throws IOException {
        StudyEvents s = scenario();
        byte[] first = zip(s, ExportOptions.DEFAULT);
        byte[] second = zip(s, ExportOptions.DEFAULT);
        assertThat(second).isEqualTo(first);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(first))) {
            ZipEntry e = in.getNextEntry();
            assertThat(e.getTimeLocal()).isEqualTo(java.time.LocalDateTime.of(2024, 10, 1, 8, 15, 30));
        }
    }

    @Test
    void listsEveryOtherFileWithItsDigestInTheManifest() throws IOException {
        Map<String, String> files = export(scenario(), ExportOptions.including(List.of(Inclusion.EXCERPTS)));
        String manifest = files.get("manifest.json");
        assertThat(manifest).contains("\"eventPosition\" : 42", "\"eventTime\" : \"2024-10-01T08:15:30.123Z\"",
                "\"productVersion\" : \"9.9.9\"", "\"include\" : [\n    \"excerpts\"\n  ]");
        String waves = files.get("waves.csv");
        assertThat(manifest).contains("\"path\" : \"waves.csv\",\n      \"sha256\" : \"" + sha256(waves)
                + "\",\n      \"bytes\" : " + waves.getBytes(StandardCharsets.UTF_8).length);
        for (String file : ExportArchive.FILES.subList(0, 9)) {
            assertThat(manifest).contains("\"path\" : \"" + file + "\"");
        }
        assertThat(manifest).doesNotContain("\"path\" : \"manifest.json\"");
    }

    @Test
    void codebookGivesEveryThemeCodeAStableNameBasedGuid() throws IOException {
        String qdc = export(scenario(), ExportOptions.DEFAULT).get("codes.qdc");
        String guid = QdcCodebookWriter.guid("reactive");
        assertThat(guid).isEqualTo(NameBasedUuid.of("theme-code:reactive").toString());
        assertThat(java.util.UUID.fromString(guid).version()).isEqualTo(5);
        assertThat(qdc).contains("<Code guid=\"" + guid + "\" name=\"reactive\" isCodable=\"true\">");
        assertThat(qdc).contains("Used in 3 findings (trust 1, goals 2).");
        assertThat(qdc).doesNotContain("withdrawn code");
        assertThat(qdc.indexOf("name=\"a;b\"")).isLessThan(qdc.indexOf("name=\"reactive\""));
    }

    @Test
    void generatesVersion5UuidsAsTheStandardDefines() {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com"
        assertThat(NameBasedUuid.version5(java.util.UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
                "www.example.com").toString()).isEqualTo("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void keepsEveryTargetProfileOfAnAreaWithItsWaveAndRationale() {
        StudyEvents s = new StudyEvents("targets").study("Targets").wave("w1", "First", "2023-09-01")
                .wave("w2", "Second", "2024-09-01").area("a1", "01", "employment");
        Map<String, Integer> later = new LinkedHashMap<>(StudyEvents.TARGET);
        later.put("power", 2);
        s.events.add(new TargetProfileSet("targets", "a1", later, "w2", "why this mix"));

        AreaRecord area = fold(s, ExportOptions.DEFAULT).areas().get(0);

        assertThat(area.targetProfile()).containsEntry("power", 2);
        assertThat(area.targetProfiles()).extracting(TargetProfileSetting::fromWaveId)
                .containsExactly(null, "w2");
        TargetProfileHistory history = TargetProfileHistory.of(
                StudyEvents.FRAMEWORKS.get("keast-mandell-2014"), area.targetProfiles());
        assertThat(history.forWave(List.of("w1", "w2"), "w1").stages()).containsEntry("power", 3)
                .containsEntry("resources", 2);
        assertThat(history.forWave(List.of("w1", "w2"), "w2").rationale()).isEqualTo("why this mix");
    }

    @Test
    void writesEachWavesTargetSoALaterTargetNeverRewritesAnEarlierWave() throws IOException {
        StudyEvents s = new StudyEvents("targets").study("Targets").wave("w1", "First", "2023-09-01")
                .wave("w2", "Second", "2024-09-01").area("a1", "01", "employment");
        Map<String, Integer> later = new LinkedHashMap<>(StudyEvents.TARGET);
        later.put("power", 2);
        s.events.add(new TargetProfileSet("targets", "a1", later, "w2", "why this mix"));

        String csv = export(s, ExportOptions.DEFAULT).get("targets_long.csv");

        assertThat(csv).startsWith("study_id,wave_id,area_id,dimension,target_stage,kind,from_wave_id,rationale\n");
        // 2 waves x 1 area x 8 dimensions
        assertThat(csv.lines().count()).isEqualTo(1 + 2 * 8);
        // w1 keeps the registration's target (a choice: resources 2), from the first wave, without a rationale
        assertThat(csv).contains("targets,w1,a1,power,3,set,,\n").contains("targets,w1,a1,resources,2,set,,\n");
        // w2 has the target set from it, with its reason
        assertThat(csv).contains("targets,w2,a1,power,2,set,w2,why this mix\n");
    }

    @Test
    void leavesOutAStudyThatDidNotExistYet() {
        StudyEvents s = new StudyEvents("later");
        StudyLogFold fold = new StudyLogFold("later", ExportOptions.DEFAULT, s.sealer, StudyEvents.FRAMEWORKS,
                RegionCatalog.fromClasspath());
        scenario().events.forEach(fold::apply);
        assertThat(fold.result()).isEmpty();
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
