package fi.collabmaturity.framework;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameworkCatalogTest {

    private static final List<String> DIMENSIONS = List.of("trust", "communication", "information_sharing", "goals",
            "power", "resources", "accountability", "commitment");

    /** The descriptors of DOMAIN.md's table, per dimension: stage 1, 2 and 3, in Finnish and in English. */
    private static final Map<String, List<String>> FINNISH = Map.of(
            "trust", List.of("alhainen luottamus ja epävakaat suhteet",
                    "keskinkertainen luottamus nykyisissä suhteissa", "korkea luottamus, pitkäaikaiset suhteet"),
            "communication", List.of("ei säännöllistä kommunikaatiota", "strukturoitu kommunikaatio",
                    "jatkuva kommunikaatio"),
            "information_sharing", List.of("rajattu tiedon jakaminen", "projekteihin sidottu tiedon jakaminen",
                    "hiljaisen tiedon korostuminen tiedon jakamisessa"),
            "goals", List.of("toimijoiden itsenäiset tavoitteet; omat intressit suuntaavat toimintaa",
                    "osin itsenäiset tavoitteet", "yhteiset tavoitteet"),
            "power", List.of("valta itsellä", "valta itsellä", "jaettu valta toimijoiden kesken"),
            "resources", List.of("organisaation omat resurssit", "projektin tarjoamat resurssit",
                    "yhdistetyt resurssit"),
            "accountability", List.of("tilivelvollisuus omaan organisaatioon",
                    "tilivelvollisuus omaa organisaatiota / projektia kohtaan",
                    "tilivelvollisuus koko verkostoa kohtaan"),
            "commitment", List.of("lyhytjänteinen sitoutuminen", "keskipitkä, projektiin sidottu sitoutuminen",
                    "pitkäjänteinen sitoutuminen"));

    private static final Map<String, List<String>> ENGLISH = Map.of(
            "trust", List.of("low trust, unstable relationships", "medium trust in existing relationships",
                    "high trust, long-term relationships"),
            "communication", List.of("no regular communication", "structured communication",
                    "continuous communication"),
            "information_sharing", List.of("limited information sharing", "project-bound information sharing",
                    "tacit knowledge emphasised in sharing"),
            "goals", List.of("independent goals; own interests steer action", "partly independent goals",
                    "shared goals"),
            "power", List.of("power kept by each actor", "power kept by each actor",
                    "power shared among the actors"),
            "resources", List.of("each organisation's own resources", "resources provided by a project",
                    "pooled resources"),
            "accountability", List.of("to one's own organisation", "to one's own organisation and the project",
                    "to the whole network"),
            "commitment", List.of("short-term commitment", "medium-term, project-bound commitment",
                    "long-term commitment"));

    /** Version 1.0.0, whose definition these tests describe; a study created with it keeps computing with it. */
    private static Framework keastMandell() {
        return FrameworkCatalog.fromClasspath().get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID, "1.0.0");
    }

    private static Framework withVersion(Framework f, String version) {
        return new Framework(f.id(), version, f.title(), f.source(), f.scale(), f.stages(), f.bands(),
                f.dimensions(), f.scoring());
    }

    /** The first version, whose rule lifts a merged anchor's stage to its representative. */
    private static Framework keastMandell100() {
        return FrameworkCatalog.fromClasspath().get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID, "1.0.0");
    }

    /** Only the first letter's case may differ from the table. */
    private static String firstLetterLowered(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    @Nested
    class DefaultFramework {

        @Test
        void isTheOnlyFrameworkOnTheMainClassPath() {
            assertThat(FrameworkCatalog.fromClasspath().all()).extracting(Framework::id)
                    .containsExactly("keast-mandell-2014");
        }

        @Test
        void hasAnIdAndAVersion() {
            Framework f = keastMandell();
            assertThat(f.ref()).isEqualTo(new FrameworkRef("keast-mandell-2014", "1.0.0"));
        }

        @Test
        void isShippedInBothVersionsTheNewestFirstForNewStudies() {
            FrameworkCatalog catalog = FrameworkCatalog.fromClasspath();
            assertThat(catalog.versionNumbers("keast-mandell-2014")).containsExactly("1.0.0", "1.1.0");
            assertThat(catalog.get("keast-mandell-2014").version()).isEqualTo("1.1.0");
            assertThat(catalog.all()).extracting(Framework::ref)
                    .containsExactly(new FrameworkRef("keast-mandell-2014", "1.1.0"));
        }

        @Test
        void hasTheEightDimensionsInTheOrderOfTheDomainTable() {
            Framework f = keastMandell();
            assertThat(f.dimensions()).extracting(Dimension::code).containsExactlyElementsOf(DIMENSIONS);
            assertThat(f.dimensions()).extracting(Dimension::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }

        @Test
        void hasThreeStagesCooperationCoordinationCollaboration() {
            Framework f = keastMandell();
            assertThat(f.stages()).extracting(Stage::number).containsExactly(1, 2, 3);
            assertThat(f.stages()).extracting(Stage::code)
                    .containsExactly("cooperation", "coordination", "collaboration");
            assertThat(f.stages()).extracting(s -> s.labels().fi())
                    .containsExactly("Yhteistyö", "Koordinaatio", "Strateginen yhteistyö ja kumppanuus");
            assertThat(f.lowestStage()).isEqualTo(1);
            assertThat(f.highestStage()).isEqualTo(3);
        }

        @Test
        void hasTheScaleOneToThreeInHalfSteps() {
            Scale scale = keastMandell().scale();
            assertThat(scale.min()).isEqualByComparingTo("1.0");
            assertThat(scale.max()).isEqualByComparingTo("3.0");
            assertThat(scale.step()).isEqualByComparingTo("0.5");
        }

        @Test
        void hasTheDefaultBands() {
            assertThat(keastMandell().bands()).containsExactly(new StageBand(1, 1.0, 1.5),
                    new StageBand(2, 1.5, 2.5), new StageBand(3, 2.5, 3.0));
        }

        @Test
        void hasOneDescriptorPerStageForEveryDimension() {
            for (Dimension d : keastMandell().dimensions()) {
                assertThat(d.descriptors()).as(d.code()).extracting(Descriptor::stage).containsExactly(1, 2, 3);
            }
        }

        @Test
        void hasEveryDescriptorAndLabelInFinnishSwedishAndEnglish() {
            for (Dimension d : keastMandell().dimensions()) {
                assertThat(List.of(d.labels().fi(), d.labels().sv(), d.labels().en())).as(d.code())
                        .allSatisfy(text -> assertThat(text).isNotBlank());
                for (Descriptor descriptor : d.descriptors()) {
                    Localized t = descriptor.texts();
                    assertThat(List.of(t.fi(), t.sv(), t.en())).as(d.code() + " stage " + descriptor.stage())
                            .allSatisfy(text -> assertThat(text).isNotBlank());
                }
            }
        }

        @Test
        void hasTheFinnishDescriptorsOfTheDomainTable() {
            for (Dimension d : keastMandell().dimensions()) {
                assertThat(d.descriptors()).as(d.code()).extracting(x -> firstLetterLowered(x.texts().fi()))
                        .containsExactlyElementsOf(FINNISH.get(d.code()));
            }
        }

        @Test
        void hasTheEnglishDescriptorsOfTheDomainTable() {
            for (Dimension d : keastMandell().dimensions()) {
                assertThat(d.descriptors()).as(d.code()).extracting(x -> firstLetterLowered(x.texts().en()))
                        .containsExactlyElementsOf(ENGLISH.get(d.code()));
            }
        }

        @Test
        void sharesOneAnchorBetweenPowerStagesOneAndTwo() {
            Dimension power = keastMandell().dimension("power").orElseThrow();
            assertThat(power.descriptor(1).anchor()).isEqualTo(power.descriptor(2).anchor());
            assertThat(power.descriptor(1).texts()).isEqualTo(power.descriptor(2).texts());
            assertThat(power.descriptor(3).anchor()).isNotEqualTo(power.descriptor(2).anchor());
        }

        @Test
        void givesEveryOtherDimensionThreeDistinctAnchors() {
            for (Dimension d : keastMandell().dimensions()) {
                if (!d.code().equals("power")) {
                    assertThat(d.descriptors()).as(d.code()).extracting(Descriptor::anchor)
                            .doesNotHaveDuplicates().hasSize(3);
                    assertThat(d.descriptors()).as(d.code()).extracting(Descriptor::texts).doesNotHaveDuplicates();
                }
            }
        }

        @Test
        void findsDimensionsByCodeOnly() {
            Framework f = keastMandell();
            assertThat(f.hasDimension("information_sharing")).isTrue();
            assertThat(f.hasDimension("Trust")).isFalse();
            assertThat(f.hasDimension(null)).isFalse();
        }

        @Test
        void refusesAStageItDoesNotHave() {
            assertThatThrownBy(() -> keastMandell().stage(4)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void answersUnknownFrameworkIdsWithEmptyOrAnError() {
            FrameworkCatalog catalog = FrameworkCatalog.fromClasspath();
            assertThat(catalog.find("keast-mandell-2099")).isEmpty();
            assertThatThrownBy(() -> catalog.get("keast-mandell-2099")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class StageOfAScore {

        @ParameterizedTest(name = "{0} is stage {1}")
        @CsvSource({"1.0, 1", "1.2, 1", "1.4999, 1", "1.5, 2", "2.0, 2", "2.4999, 2", "2.5, 3", "2.9999, 3",
                "3.0, 3"})
        void fallsInTheBandFromInclusiveToExclusiveWithTheTopIncluded(double score, int stage) {
            assertThat(keastMandell().stageOf(score)).isEqualTo(stage);
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.9999, 0.0, 3.0001, 4.0, -1.0, Double.NaN})
        void refusesAScoreOutsideTheScale(double score) {
            assertThatThrownBy(() -> keastMandell().stageOf(score)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void liftsAPowerScoreInTheFirstBandToTheAnchorsRepresentativeStage() {
            assertThat(keastMandell100().stageOf("power", 1.2)).isEqualTo(StageRange.of(2));
        }

        @Test
        void keepsATrustScoreInTheFirstBandAtStageOne() {
            assertThat(keastMandell100().stageOf("trust", 1.2)).isEqualTo(StageRange.of(1));
        }

        @ParameterizedTest(name = "power {0} is stage {1}")
        @CsvSource({"1.0, 2", "1.4999, 2", "1.5, 2", "2.4999, 2", "2.5, 3", "3.0, 3"})
        void givesPowerOnlyTheStagesItsDescriptorsCanTellApart(double score, int stage) {
            assertThat(keastMandell100().stageOf("power", score)).isEqualTo(StageRange.of(stage));
        }

        @ParameterizedTest(name = "{0} 1.4999 is stage 1")
        @ValueSource(strings = {"trust", "communication", "information_sharing", "goals", "resources",
                "accountability", "commitment"})
        void keepsEveryDimensionButPowerAtStageOneBelowTheSecondBand(String dimension) {
            assertThat(keastMandell100().stageOf(dimension, 1.4999)).isEqualTo(StageRange.of(1));
        }

        @ParameterizedTest(name = "1.1.0 power {0} is stages {1}..{2}")
        @CsvSource({"1.0, 1, 2", "2.0, 1, 2", "2.4999, 1, 2", "2.5, 3, 3", "3.0, 3, 3"})
        void namesPowersMergedAnchorAsARangeFrom110On(double score, int from, int to) {
            Framework v110 = FrameworkCatalog.fromClasspath().get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID, "1.1.0");
            assertThat(v110.stageOf("power", score)).isEqualTo(new StageRange(from, to));
            assertThat(v110.stageOf("trust", 1.2)).isEqualTo(StageRange.of(1));
        }

        @Test
        void usesThePlainBandsForADimensionTheFrameworkDoesNotHave() {
            assertThat(keastMandell100().stageOf("leadership", 1.2)).isEqualTo(StageRange.of(1));
        }
    }

    @Nested
    class DevelopmentSteps {

        @Test
        void leadsPowerFromStageOneToStageThreeSkippingTheSameAnchor() {
            Dimension power = keastMandell().dimension("power").orElseThrow();
            assertThat(power.nextDistinct(1)).map(Descriptor::stage).contains(3);
            assertThat(power.nextDistinct(1)).map(d -> d.texts().en()).contains("Power shared among the actors");
        }

        @Test
        void leadsPowerFromStageTwoToStageThree() {
            assertThat(keastMandell().dimension("power").orElseThrow().nextDistinct(2)).map(Descriptor::stage)
                    .contains(3);
        }

        @Test
        void leadsOtherDimensionsToTheNextStage() {
            Dimension goals = keastMandell().dimension("goals").orElseThrow();
            assertThat(goals.nextDistinct(1)).map(Descriptor::stage).contains(2);
            assertThat(goals.nextDistinct(2)).map(d -> d.texts().en()).contains("Shared goals");
        }

        @Test
        void hasNoStepBeyondTheHighestStage() {
            assertThat(keastMandell().dimension("trust").orElseThrow().nextDistinct(3)).isEmpty();
            assertThat(keastMandell().dimension("power").orElseThrow().nextDistinct(3)).isEmpty();
        }

        @Test
        void representsPowerStageOneByStageTwo() {
            Dimension power = keastMandell().dimension("power").orElseThrow();
            assertThat(power.representativeStage(1)).isEqualTo(2);
            assertThat(power.representativeStage(2)).isEqualTo(2);
            assertThat(power.representativeStage(3)).isEqualTo(3);
            assertThat(keastMandell().dimension("trust").orElseThrow().representativeStage(1)).isEqualTo(1);
        }
    }

    @Nested
    class AnotherFramework {

        private URLClassLoader withPlugins(URL... roots) {
            return new URLClassLoader(roots, FrameworkCatalog.class.getClassLoader());
        }

        private URL plugin(String name) {
            return Objects.requireNonNull(getClass().getClassLoader().getResource("framework-plugins/" + name + "/"),
                    name);
        }

        @Test
        void isFoundNextToTheDefaultWhenAFolderBringsItsOwnIndex() throws IOException {
            try (URLClassLoader loader = withPlugins(plugin("second"))) {
                FrameworkCatalog catalog = FrameworkCatalog.fromClasspath(loader);

                assertThat(catalog.all()).extracting(Framework::id)
                        .containsExactly("keast-mandell-2014", "network-maturity-2020");
                Framework second = catalog.get("network-maturity-2020");
                assertThat(second.version()).isEqualTo("0.3.0");
                assertThat(second.stages()).extracting(Stage::code)
                        .containsExactly("isolated", "informed", "aligned", "integrated");
                assertThat(second.dimensions()).extracting(Dimension::code).containsExactly("knowledge", "leadership");
                assertThat(catalog.get("keast-mandell-2014").dimensions()).hasSize(8);
            }
        }

        @Test
        void scoresWithItsOwnBandsAndAnchors() throws IOException {
            try (URLClassLoader loader = withPlugins(plugin("second"))) {
                Framework second = FrameworkCatalog.fromClasspath(loader).get("network-maturity-2020");

                assertThat(second.stageOf(1.75)).isEqualTo(2);
                assertThat(second.stageOf(4.0)).isEqualTo(4);
                assertThat(second.stageOf("knowledge", 1.2)).isEqualTo(StageRange.of(1));
                assertThat(second.stageOf("leadership", 1.2)).isEqualTo(StageRange.of(3));
                assertThat(second.dimension("leadership").orElseThrow().nextDistinct(1)).map(Descriptor::stage)
                        .contains(4);
                assertThat(second.scale().accepts(new java.math.BigDecimal("2.5"))).isFalse();
                assertThat(second.scale().accepts(new java.math.BigDecimal("4"))).isTrue();
            }
        }

        @Test
        void isFoundInAJarOnTheClassPath(@TempDir Path dir) throws IOException {
            Path jar = dir.resolve("extra-framework.jar");
            String definition;
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("framework-plugins/second/frameworks/network-maturity-2020.json")) {
                definition = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\"network-maturity-2020\"", "\"network-maturity-2021\"");
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                write(out, "frameworks/frameworks.index", "network-maturity-2021.json\n");
                write(out, "frameworks/network-maturity-2021.json", definition);
            }

            try (URLClassLoader loader = withPlugins(plugin("second"), jar.toUri().toURL())) {
                assertThat(FrameworkCatalog.fromClasspath(loader).all()).extracting(Framework::id)
                        .containsExactly("keast-mandell-2014", "network-maturity-2020", "network-maturity-2021");
            }
        }

        private static void write(JarOutputStream out, String name, String content) throws IOException {
            out.putNextEntry(new JarEntry(name));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        @Test
        void isRefusedWhenItsDefinitionIsInconsistent() throws IOException {
            try (URLClassLoader loader = withPlugins(plugin("broken"))) {
                assertThatThrownBy(() -> FrameworkCatalog.fromClasspath(loader))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("broken-bands")
                        .hasMessageContaining("contiguous");
            }
        }

        @Test
        void isRefusedWhenTheIndexListsAFileThatIsNotThere() throws IOException {
            try (URLClassLoader loader = withPlugins(plugin("missing"))) {
                assertThatThrownBy(() -> FrameworkCatalog.fromClasspath(loader))
                        .hasMessageContaining("frameworks/absent-framework.json is listed but missing");
            }
        }
    }

    @Nested
    class InconsistentDefinitions {

        private static Framework with(Framework f, String dimension, UnaryOperator<List<Descriptor>> change) {
            List<Dimension> dimensions = new ArrayList<>();
            for (Dimension d : f.dimensions()) {
                dimensions.add(d.code().equals(dimension)
                        ? new Dimension(d.code(), d.order(), d.labels(), change.apply(new ArrayList<>(d.descriptors())))
                        : d);
            }
            return withDimensions(f, dimensions);
        }

        private static Framework withDimensions(Framework f, List<Dimension> dimensions) {
            return new Framework(f.id(), f.version(), f.title(), f.source(), f.scale(), f.stages(), f.bands(),
                    dimensions);
        }

        private static Framework withBands(Framework f, StageBand... bands) {
            return new Framework(f.id(), f.version(), f.title(), f.source(), f.scale(), f.stages(), List.of(bands),
                    f.dimensions());
        }

        private static void assertRefused(Framework f, String problem) {
            assertThatThrownBy(() -> new FrameworkCatalog(List.of(f)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(problem);
        }

        @Test
        void acceptsTheDefinitionAsShipped() {
            assertThat(new FrameworkCatalog(List.of(keastMandell())).all()).hasSize(1);
        }

        @Test
        void refusesIdenticalDescriptorsWithDifferentAnchors() {
            Framework f = with(keastMandell(), "power", ds -> {
                ds.set(1, new Descriptor(2, 2, ds.get(1).texts()));
                ds.set(2, new Descriptor(3, 3, ds.get(2).texts()));
                return ds;
            });
            assertRefused(f, "power stages 1 and 2: identical descriptors must share one anchor");
        }

        @Test
        void refusesDifferentDescriptorsSharingAnAnchor() {
            Framework f = with(keastMandell(), "trust", ds -> {
                ds.set(1, new Descriptor(2, 1, ds.get(1).texts()));
                ds.set(2, new Descriptor(3, 2, ds.get(2).texts()));
                return ds;
            });
            assertRefused(f, "trust stages 1 and 2");
        }

        @Test
        void refusesAnchorsThatGoBack() {
            Framework f = with(keastMandell(), "goals", ds -> {
                ds.set(0, new Descriptor(1, 2, ds.get(0).texts()));
                ds.set(1, new Descriptor(2, 1, ds.get(1).texts()));
                return ds;
            });
            assertRefused(f, "goals anchors must not go back");
        }

        @Test
        void refusesAMissingDescriptor() {
            Framework f = with(keastMandell(), "commitment", ds -> ds.subList(0, 2));
            assertRefused(f, "commitment needs one descriptor per stage");
        }

        @Test
        void refusesDescriptorsOutOfStageOrder() {
            Framework f = with(keastMandell(), "resources", ds -> List.of(ds.get(1), ds.get(0), ds.get(2)));
            assertRefused(f, "resources descriptors must follow the stages' order");
        }

        @Test
        void refusesADescriptorWithABlankText() {
            Framework f = with(keastMandell(), "communication", ds -> {
                Localized t = ds.get(1).texts();
                ds.set(1, new Descriptor(2, 2, new Localized(t.fi(), " ", t.en())));
                return ds;
            });
            assertRefused(f, "communication stage 2 needs a descriptor in fi, sv and en");
        }

        @Test
        void refusesBandsWithAGap() {
            assertRefused(withBands(keastMandell(), new StageBand(1, 1.0, 1.5), new StageBand(2, 1.6, 2.5),
                    new StageBand(3, 2.5, 3.0)), "bands must be contiguous");
        }

        @Test
        void refusesOverlappingBands() {
            assertRefused(withBands(keastMandell(), new StageBand(1, 1.0, 1.5), new StageBand(2, 1.4, 2.5),
                    new StageBand(3, 2.5, 3.0)), "bands must be contiguous");
        }

        @Test
        void refusesBandsThatDoNotStartAtTheScalesMinimum() {
            assertRefused(withBands(keastMandell(), new StageBand(1, 1.1, 1.5), new StageBand(2, 1.5, 2.5),
                    new StageBand(3, 2.5, 3.0)), "bands must be contiguous from the scale's minimum");
        }

        @Test
        void refusesBandsThatStopBeforeTheScalesMaximum() {
            assertRefused(withBands(keastMandell(), new StageBand(1, 1.0, 1.5), new StageBand(2, 1.5, 2.5),
                    new StageBand(3, 2.5, 2.9)), "the last band must end at the scale's maximum");
        }

        @Test
        void refusesAnEmptyBand() {
            assertRefused(withBands(keastMandell(), new StageBand(1, 1.0, 1.0), new StageBand(2, 1.0, 2.5),
                    new StageBand(3, 2.5, 3.0)), "a band must not be empty");
        }

        @Test
        void refusesABandCountOtherThanTheStageCount() {
            assertRefused(withBands(keastMandell(), new StageBand(1, 1.0, 2.0), new StageBand(2, 2.0, 3.0)),
                    "needs one band per stage");
        }

        @Test
        void refusesStagesNotNumberedFromOne() {
            Framework f = keastMandell();
            List<Stage> stages = List.of(new Stage(0, "a", f.stages().get(0).labels()), f.stages().get(1),
                    f.stages().get(2));
            assertRefused(new Framework(f.id(), f.version(), f.title(), f.source(), f.scale(), stages, f.bands(),
                    f.dimensions()), "stages must be numbered 1..n in order");
        }

        @Test
        void refusesADimensionDefinedTwice() {
            Framework f = keastMandell();
            List<Dimension> dimensions = new ArrayList<>(f.dimensions());
            Dimension trust = dimensions.get(0);
            dimensions.add(new Dimension("trust", 9, trust.labels(), trust.descriptors()));
            assertRefused(withDimensions(f, dimensions), "dimension trust is defined twice");
        }

        @Test
        void refusesADimensionOrderUsedTwice() {
            Framework f = keastMandell();
            List<Dimension> dimensions = new ArrayList<>(f.dimensions());
            Dimension trust = dimensions.get(0);
            dimensions.add(new Dimension("trust_again", 1, trust.labels(), trust.descriptors()));
            assertRefused(withDimensions(f, dimensions), "dimension order 1 is used twice");
        }

        @Test
        void refusesAFrameworkWithoutIdOrVersion() {
            Framework f = keastMandell();
            assertRefused(new Framework(" ", f.version(), f.title(), f.source(), f.scale(), f.stages(), f.bands(),
                    f.dimensions()), "has no id");
            assertRefused(new Framework(f.id(), null, f.title(), f.source(), f.scale(), f.stages(), f.bands(),
                    f.dimensions()), "needs a version of the form major.minor.patch");
            assertRefused(withVersion(f, "1.0"), "needs a version of the form major.minor.patch");
        }

        @Test
        void refusesTheSameFrameworkIdAndVersionTwice() {
            assertThatThrownBy(() -> new FrameworkCatalog(List.of(keastMandell(), keastMandell())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("framework keast-mandell-2014 1.0.0 is defined twice");
        }
    }

    @Nested
    class Versions {

        private final Framework base = keastMandell();

        private FrameworkCatalog catalogOf(String... versions) {
            return new FrameworkCatalog(java.util.Arrays.stream(versions).map(v -> withVersion(base, v)).toList());
        }

        @Test
        void givesTheNewestVersionWhenNoneIsNamed() {
            FrameworkCatalog catalog = catalogOf("1.1.0", "1.0.0", "0.9.3");

            assertThat(catalog.get("keast-mandell-2014").version()).isEqualTo("1.1.0");
            assertThat(catalog.find("keast-mandell-2014")).map(Framework::version).contains("1.1.0");
            assertThat(catalog.all()).extracting(Framework::version).containsExactly("1.1.0");
        }

        @Test
        void ordersVersionsByNumberNotByText() {
            FrameworkCatalog catalog = catalogOf("1.9.0", "1.10.0", "1.2.0", "0.10.1", "1.9.10", "1.9.2");

            assertThat(catalog.versionNumbers("keast-mandell-2014"))
                    .containsExactly("0.10.1", "1.2.0", "1.9.0", "1.9.2", "1.9.10", "1.10.0");
            assertThat(catalog.versions("keast-mandell-2014")).extracting(Framework::version)
                    .containsExactly("0.10.1", "1.2.0", "1.9.0", "1.9.2", "1.9.10", "1.10.0");
            assertThat(catalog.get("keast-mandell-2014").version()).isEqualTo("1.10.0");
        }

        @Test
        void givesEachVersionByItsNumber() {
            FrameworkCatalog catalog = catalogOf("1.0.0", "1.1.0");

            assertThat(catalog.get("keast-mandell-2014", "1.0.0").version()).isEqualTo("1.0.0");
            assertThat(catalog.find("keast-mandell-2014", "1.1.0")).map(Framework::version).contains("1.1.0");
        }

        @ParameterizedTest(name = "version \"{0}\" is unknown")
        @ValueSource(strings = {"2.0.0", "1.0", "1.0.0.0", "01.0.0", " 1.0.0", "", "newest"})
        void knowsNoVersionItWasNotGiven(String version) {
            FrameworkCatalog catalog = catalogOf("1.0.0", "1.1.0");

            assertThat(catalog.find("keast-mandell-2014", version)).isEmpty();
            assertThatThrownBy(() -> catalog.get("keast-mandell-2014", version))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown framework keast-mandell-2014 " + version);
        }

        @Test
        void knowsNoVersionOfAnUnknownFrameworkNorANullVersion() {
            FrameworkCatalog catalog = catalogOf("1.0.0");

            assertThat(catalog.find("keast-mandell-2099", "1.0.0")).isEmpty();
            assertThat(catalog.find("keast-mandell-2014", null)).isEmpty();
            assertThat(catalog.versions("keast-mandell-2099")).isEmpty();
            assertThat(catalog.versionNumbers("keast-mandell-2099")).isEmpty();
        }

        @Test
        void refusesTheSameVersionTwice() {
            assertThatThrownBy(() -> catalogOf("1.0.0", "1.1.0", "1.0.0"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("framework keast-mandell-2014 1.0.0 is defined twice");
        }

        @ParameterizedTest(name = "{0} newer than {1}: {2}")
        @CsvSource({"1.1.0, 1.0.0, true", "1.10.0, 1.9.0, true", "1.0.0, 1.1.0, false", "1.1.0, 1.1.0, false",
                "2.0.0, 1.0.0, false", "1.1.0, nonsense, false"})
        void saysWhetherAKnownVersionIsNewer(String version, String than, boolean newer) {
            FrameworkCatalog catalog = catalogOf("1.0.0", "1.1.0", "1.9.0", "1.10.0");

            assertThat(catalog.isNewer("keast-mandell-2014", version, than)).isEqualTo(newer);
        }
    }
}
