package fi.collabmaturity.scoring;

import fi.collabmaturity.framework.Descriptor;
import fi.collabmaturity.framework.Dimension;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.framework.Localized;
import fi.collabmaturity.framework.Scale;
import fi.collabmaturity.framework.Stage;
import fi.collabmaturity.framework.StageBand;
import fi.collabmaturity.framework.StageRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fi.collabmaturity.scoring.TestProfiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaturityPathTest {

    private static final Framework KM = FrameworkCatalog.fromClasspath().get("keast-mandell-2014", "1.0.0");

    private static Map<String, Integer> targets(int stage) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        KM.dimensions().forEach(d -> targets.put(d.code(), stage));
        return targets;
    }

    /** A path without a wave before (no progress to rank by). */
    private static MaturityPath path(Framework framework, MaturityProfile profile, Map<String, Integer> targets,
                                     Map<String, Map<String, Integer>> codes, String language) {
        return MaturityPath.of(framework, profile, null, targets, codes, language);
    }

    private static DevelopmentTarget.Step step(int from, String fromText, int to, String toText) {
        return new DevelopmentTarget.Step(new DevelopmentTarget.StepEnd(StageRange.of(from), fromText),
                new DevelopmentTarget.StepEnd(StageRange.of(to), toText));
    }

    @Test
    void largestGapFirstThenTheLowestScore() {
        Map<String, Double> scores = new HashMap<>();
        scores.put("trust", 2.0);          // stage 2, gap 1
        scores.put("communication", 3.0);  // stage 3, at target
        scores.put("information_sharing", 1.0); // stage 1, gap 2
        scores.put("goals", 2.2);          // stage 2, gap 1
        scores.put("power", 2.9);          // stage 3, at target
        scores.put("resources", 1.4);      // stage 1, gap 2
        scores.put("accountability", 2.5); // stage 3
        scores.put("commitment", 1.5);     // stage 2, gap 1
        MaturityPath path = path(KM, profile(KM, scores), targets(3), Map.of(), "en");

        assertThat(path.targets()).extracting(DevelopmentTarget::dimension)
                .containsExactly("information_sharing", "resources", "commitment", "trust", "goals");
        assertThat(path.targets()).extracting(DevelopmentTarget::gap).containsExactly(2, 2, 1, 1, 1);
        assertThat(path.targets()).extracting(DevelopmentTarget::rankedBy).containsExactly(
                DevelopmentTarget.RankReason.SCORE, DevelopmentTarget.RankReason.GAP,
                DevelopmentTarget.RankReason.SCORE, DevelopmentTarget.RankReason.SCORE, null);
        assertThat(path.unknown()).isEmpty();

        DevelopmentTarget goals = path.targets().get(4);
        assertThat(goals.currentStage()).isEqualTo(StageRange.of(2));
        assertThat(goals.targetStage()).isEqualTo(StageRange.of(3));
        // "goals: from partly independent goals to shared goals"
        assertThat(goals.step()).isEqualTo(step(2, "Partly independent goals", 3, "Shared goals"));

        // a gap of two stages still asks for the next step only
        DevelopmentTarget sharing = path.targets().get(0);
        assertThat(sharing.step()).isEqualTo(
                step(1, "Limited information sharing", 2, "Project-bound information sharing"));
    }

    @Test
    void onlyDimensionsBelowTheirTarget() {
        Map<String, Integer> targets = targets(2);
        targets.put("trust", 3);
        MaturityPath path = path(KM, profile(KM, Map.of("trust", 2.0, "goals", 2.0,
                "communication", 1.0)), targets, Map.of(), "en");
        // both one stage below their target: the lower score (communication 1.0) first
        assertThat(path.targets()).extracting(DevelopmentTarget::dimension)
                .containsExactly("communication", "trust");
    }

    @Test
    void insufficientEvidenceIsUnknownNotATarget() {
        MaturityPath path = path(KM, profile(KM, Map.of("trust", 1.0, "commitment", 3.0)), targets(3),
                Map.of(), "en");
        assertThat(path.targets()).extracting(DevelopmentTarget::dimension).containsExactly("trust");
        assertThat(path.unknown()).containsExactly("communication", "information_sharing", "goals", "power",
                "resources", "accountability");
    }

    @Test
    void powerTargetOfOneMeansTwoAndIsMetByCoordination() {
        Map<String, Integer> targets = targets(3);
        targets.put("power", 1);
        // power 1.2: band cooperation, but stage 2 by its anchor; the target 1 is lifted to 2 as well: met
        MaturityPath met = path(KM, profile(KM, Map.of("power", 1.2)), targets, Map.of(), "en");
        assertThat(met.targets()).isEmpty();

        // with target 3, the step leads from the shared anchor straight to "power shared"
        MaturityPath toShared = path(KM, profile(KM, Map.of("power", 1.2)), targets(3), Map.of(), "en");
        assertThat(toShared.targets()).singleElement().satisfies(t -> {
            assertThat(t.currentStage()).isEqualTo(StageRange.of(2));
            assertThat(t.targetStage()).isEqualTo(StageRange.of(3));
            assertThat(t.gap()).isEqualTo(1);
            assertThat(t.step()).isEqualTo(step(2, "Power kept by each actor", 3, "Power shared among the actors"));
        });
    }

    @Test
    void aCurrentStageIsReadByItsAnchorToo() {
        // a profile that says power stage 1 (not one ProfileScoring makes) still starts from the shared anchor:
        // gap 1 from stage 2, not 2 from stage 1
        DimensionScore power = new DimensionScore("power", 1.2, StageRange.of(1), true, Map.of(), null, false, null, null);
        MaturityProfile odd = new MaturityProfile(KM.ref(), null, null, null, List.of(power));
        DevelopmentTarget t = path(KM, odd, targets(3), Map.of(), "en").targets().get(0);
        assertThat(t.currentStage()).isEqualTo(StageRange.of(2));
        assertThat(t.gap()).isEqualTo(1);
        assertThat(t.step().from().stage()).isEqualTo(StageRange.of(2));
    }

    /**
     * A framework whose two top stages share one descriptor: a target of 2 is the anchor of stage 3, and the step
     * from stage 1 leads to that anchor, named by its representative stage 3.
     */
    @Test
    void targetsAndStepsAreLiftedToTheirAnchor() {
        Localized low = new Localized("matala", "låg", "low");
        Localized high = new Localized("korkea", "hög", "high");
        Dimension x = new Dimension("x", 1, new Localized("x", "x", "x"), List.of(
                new Descriptor(1, 1, low), new Descriptor(2, 2, high), new Descriptor(3, 2, high)));
        Framework topShared = new Framework("top-shared", "1", new Localized("t", "t", "t"), "test",
                new Scale(BigDecimal.ONE, BigDecimal.valueOf(3), BigDecimal.valueOf(0.5)),
                List.of(new Stage(1, "one", low), new Stage(2, "two", low), new Stage(3, "three", high)),
                List.of(new StageBand(1, 1.0, 1.5), new StageBand(2, 1.5, 2.5), new StageBand(3, 2.5, 3.0)),
                List.of(x));
        MaturityPath path = path(topShared, profile(topShared, Map.of("x", 1.2)), Map.of("x", 2),
                Map.of(), "en");
        assertThat(path.targets()).singleElement().satisfies(t -> {
            assertThat(t.currentStage()).isEqualTo(StageRange.of(1));
            assertThat(t.targetStage()).isEqualTo(StageRange.of(3));
            assertThat(t.gap()).isEqualTo(2);
            assertThat(t.step()).isEqualTo(step(1, "low", 3, "high"));
        });
    }

    @Test
    void aDimensionWithoutATargetAimsAtTheTop() {
        MaturityPath path = path(KM, profile(KM, Map.of("trust", 2.0)), Map.of(), Map.of(), "en");
        assertThat(path.targets()).singleElement().satisfies(t -> assertThat(t.targetStage()).isEqualTo(StageRange.of(3)));
    }

    @Test
    void aTargetStageTheFrameworkDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> path(KM, profile(KM, Map.of("trust", 2.0)), Map.of("trust", 4),
                Map.of(), "en")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descriptorsInTheRequestedLanguage() {
        MaturityProfile p = profile(KM, Map.of("goals", 2.0));
        assertThat(path(KM, p, targets(3), Map.of(), "fi").targets().get(0).step())
                .isEqualTo(step(2, "Osin itsenäiset tavoitteet", 3, "Yhteiset tavoitteet"));
        assertThat(path(KM, p, targets(3), Map.of(), "sv").targets().get(0).step())
                .isEqualTo(step(2, "Delvis självständiga mål", 3, "Gemensamma mål"));
        assertThat(path(KM, p, targets(3), Map.of(), "EN").targets().get(0).step().to().descriptor())
                .isEqualTo("Shared goals");
        // Finnish is the source language and the fallback
        assertThat(path(KM, p, targets(3), Map.of(), null).targets().get(0).step().to().descriptor())
                .isEqualTo("Yhteiset tavoitteet");
    }

    @Test
    void relatedCodesMostFrequentFirstTiesAlphabetical() {
        // the ties arrive in reverse alphabetical order: the order of the input must not decide
        Map<String, Integer> trustCodes = new LinkedHashMap<>();
        trustCodes.put("reactive", 2);
        trustCodes.put("levels disconnected", 0);
        trustCodes.put("depends on individuals", 2);
        trustCodes.put("unknown partners", 5);
        Map<String, Map<String, Integer>> codes = Map.of(
                "trust", trustCodes,
                "goals", Map.of("unclear responsibilities", 1));
        MaturityPath path = path(KM, profile(KM, Map.of("trust", 1.0, "goals", 1.0, "resources", 1.0)),
                targets(3), codes, "en");
        assertThat(path.targets()).extracting(DevelopmentTarget::dimension)
                .containsExactly("trust", "goals", "resources");
        // a code counted 0 times explains nothing and is left out
        assertThat(path.targets().get(0).relatedCodes())
                .containsExactly("unknown partners", "depends on individuals", "reactive");
        assertThat(path.targets().get(1).relatedCodes()).containsExactly("unclear responsibilities");
        assertThat(path.targets().get(2).relatedCodes()).isEmpty();
    }
}
