package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.projection.maturity.ResultParts.TargetProfileEntry;
import fi.collabmaturity.study.Wave;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which target profile the area page says the path was computed against: the path's own {@code targetProfile}
 * (per wave, with its rationale), named by the label of the wave it was set from, and "default" only when no
 * target was chosen.
 */
class TargetProfileViewTest {

    static final List<Wave> WAVES = List.of(
            new Wave("w1", "2023", LocalDate.parse("2023-09-01"), LocalDate.parse("2023-12-31"), false),
            new Wave("w2", "2024", LocalDate.parse("2024-09-01"), LocalDate.parse("2024-12-31"), false));

    @Test
    void aTargetSetFromAWaveIsNamedByThatWaveWithItsRationale() {
        TargetProfileView view = TargetProfileView.of(new TargetProfileEntry(false, "w2",
                "goals need only coordination here", Map.of("goals", 2, "power", 3)), WAVES);
        assertThat(view.isDefault()).isFalse();
        assertThat(view.fromWaveLabel()).isEqualTo("2024");
        assertThat(view.rationale()).isEqualTo("goals need only coordination here");
        // the path's stages: a later target does not rewrite this wave's path
        assertThat(view.stage("goals", 3)).isEqualTo(2);
        assertThat(view.stage("trust", 3)).isEqualTo(3);
    }

    @Test
    void theDefaultIsSaidToBeTheDefault() {
        TargetProfileView view = TargetProfileView.of(new TargetProfileEntry(true, null, null, Map.of("goals", 3)),
                WAVES);
        assertThat(view.isDefault()).isTrue();
        assertThat(view.fromWaveLabel()).isNull();
        assertThat(view.rationale()).isNull();
    }

    @Test
    void aBlankRationaleIsNoneAndAnUnknownWaveIsNamedByItsId() {
        TargetProfileView view = TargetProfileView.of(new TargetProfileEntry(false, "w9", " ", Map.of()), WAVES);
        assertThat(view.rationale()).isNull();
        assertThat(view.fromWaveLabel()).isEqualTo("w9");
        assertThat(view.stage("goals", 3)).isEqualTo(3);
    }
}
