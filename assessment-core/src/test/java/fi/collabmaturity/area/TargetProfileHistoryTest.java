package fi.collabmaturity.area;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetProfileHistoryTest {

    private static final Framework FRAMEWORK = FrameworkCatalog.fromClasspath().get("keast-mandell-2014");
    private static final List<String> WAVES = List.of("w1", "w2", "w3");

    private static Map<String, Integer> allAt(int stage) {
        Map<String, Integer> profile = new LinkedHashMap<>();
        FRAMEWORK.dimensions().forEach(d -> profile.put(d.code(), stage));
        return profile;
    }

    private static Map<String, Integer> with(String dimension, int stage) {
        Map<String, Integer> profile = allAt(3);
        profile.put(dimension, stage);
        return profile;
    }

    private static TargetProfileSetting set(String fromWaveId, Map<String, Integer> target, String rationale) {
        return new TargetProfileSetting(fromWaveId, target, rationale, false);
    }

    private static TargetProfileHistory history(TargetProfileSetting... settings) {
        return TargetProfileHistory.of(FRAMEWORK, List.of(settings));
    }

    @Test
    void anAreaThatNeverSetATargetHasTheDefaultEverywhereReportedAsTheDefault() {
        TargetProfileChoice choice = history().forWave(WAVES, "w2");

        assertThat(choice.isDefault()).isTrue();
        assertThat(choice.stages()).isEqualTo(allAt(3)).hasSize(FRAMEWORK.dimensions().size());
        assertThat(choice.fromWaveId()).isNull();
        assertThat(choice.rationale()).isNull();
    }

    @Test
    void aTargetSetInWaveTwoLeavesWaveOneAtTheDefault() {
        TargetProfileHistory h = history(set("w2", with("power", 2), "shared power is enough here"));

        assertThat(h.forWave(WAVES, "w1").isDefault()).isTrue();
        assertThat(h.forWave(WAVES, "w1").stages()).isEqualTo(allAt(3));
        TargetProfileChoice w2 = h.forWave(WAVES, "w2");
        assertThat(w2).isEqualTo(new TargetProfileChoice(with("power", 2), false, "w2",
                "shared power is enough here"));
        assertThat(h.forWave(WAVES, "w3")).isEqualTo(w2);
    }

    @Test
    void aTargetSetInWaveOneThenThreeGivesWaveTwoTheFirst() {
        TargetProfileHistory h = history(set("w1", with("power", 2), "first"), set("w3", with("power", 1), "later"));

        assertThat(h.forWave(WAVES, "w1").rationale()).isEqualTo("first");
        assertThat(h.forWave(WAVES, "w2")).isEqualTo(new TargetProfileChoice(with("power", 2), false, "w1", "first"));
        assertThat(h.forWave(WAVES, "w3")).isEqualTo(new TargetProfileChoice(with("power", 1), false, "w3", "later"));
    }

    @Test
    void ofTwoSetFromTheSameWaveTheLastWins() {
        TargetProfileHistory h = history(set("w2", with("power", 2), "first"), set("w2", with("trust", 1), "second"),
                set("w1", with("goals", 2), "set last but from an earlier wave"));

        assertThat(h.forWave(WAVES, "w2")).isEqualTo(new TargetProfileChoice(with("trust", 1), false, "w2",
                "second"));
        assertThat(h.forWave(WAVES, "w1").stages()).isEqualTo(with("goals", 2));
    }

    @Test
    void aSettingWithoutAWaveAppliesFromTheFirstWave() {
        // a revision-1 TargetProfileSet has no fromWaveId: the area had one target for all its waves
        TargetProfileHistory h = history(set(null, with("power", 2), null), set("w3", with("power", 1), null));

        assertThat(h.forWave(WAVES, "w1")).isEqualTo(new TargetProfileChoice(with("power", 2), false, null, null));
        assertThat(h.forWave(WAVES, "w2").stages()).isEqualTo(with("power", 2));
        assertThat(h.forWave(WAVES, "w3").stages()).isEqualTo(with("power", 1));
    }

    @Test
    void theTargetRecordedAtRegistrationIsTheDefaultUnlessItNamedOne() {
        TargetProfileHistory unnamed = history(new TargetProfileSetting(null, allAt(3), null, true));
        TargetProfileHistory named = history(new TargetProfileSetting(null, with("power", 2), null, true));

        assertThat(unnamed.forWave(WAVES, "w1").isDefault()).isTrue();
        assertThat(named.forWave(WAVES, "w1")).isEqualTo(new TargetProfileChoice(with("power", 2), false, null,
                null));
    }

    @Test
    void withoutAWaveItIsTheTargetInForceAfterTheLastWave() {
        TargetProfileHistory h = history(set("w1", with("power", 2), null), set("w3", with("power", 1), null));

        assertThat(h.forWave(WAVES, null).stages()).isEqualTo(with("power", 1));
        assertThat(h.forWave(List.of(), null).isDefault()).isTrue();
    }

    @Test
    void completesASettingThatLacksADimensionWithTheHighestStage() {
        TargetProfileHistory h = history(set(null, Map.of("power", 2), null));

        assertThat(h.forWave(WAVES, "w1").stages()).isEqualTo(with("power", 2));
    }

    @Test
    void aWaveOutsideTheOrderIsAnError() {
        assertThatThrownBy(() -> history().forWave(WAVES, "w9")).isInstanceOf(IllegalArgumentException.class);
    }
}
