package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.study.Wave;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which target profile the area page says the path was computed against: the path's own {@code targetProfile}
 * (per wave, with its rationale) when the path document has one, else the area's, and "default" only when no
 * target was chosen.
 */
class TargetProfileViewTest {

    static final List<Wave> WAVES = List.of(
            new Wave("w1", "2023", LocalDate.parse("2023-09-01"), LocalDate.parse("2023-12-31"), false),
            new Wave("w2", "2024", LocalDate.parse("2024-09-01"), LocalDate.parse("2024-12-31"), false));

    @Test
    void aTargetSetFromAWaveIsNamedByThatWaveWithItsRationale() {
        Document path = new Document("targetProfile", new Document("isDefault", false).append("fromWaveId", "w2")
                .append("rationale", "goals need only coordination here")
                .append("stages", new Document("goals", 2).append("power", 3)));
        TargetProfileView view = TargetProfileView.of(path, new Document("targetProfile", new Document("goals", 1)),
                WAVES, 3);
        assertThat(view.isDefault()).isFalse();
        assertThat(view.fromWaveLabel()).isEqualTo("2024");
        assertThat(view.rationale()).isEqualTo("goals need only coordination here");
        // the path's stages win over the area's current ones: a later target does not rewrite this wave's path
        assertThat(view.stage("goals", 3)).isEqualTo(2);
        assertThat(view.stage("trust", 3)).isEqualTo(3);
    }

    @Test
    void theDefaultIsSaidToBeTheDefault() {
        Document path = new Document("targetProfile", new Document("isDefault", true).append("fromWaveId", null)
                .append("rationale", null).append("stages", new Document("goals", 3)));
        TargetProfileView view = TargetProfileView.of(path, new Document(), WAVES, 3);
        assertThat(view.isDefault()).isTrue();
        assertThat(view.fromWaveLabel()).isNull();
        assertThat(view.rationale()).isNull();
    }

    @Test
    void aPathWithoutItsTargetProfileReadsTheAreasAndIsDefaultOnlyWhenThatAsksForTheHighestStageEverywhere() {
        TargetProfileView set = TargetProfileView.of(new Document(),
                new Document("targetProfile", new Document("goals", 2).append("trust", 3)), WAVES, 3);
        assertThat(set.isDefault()).isFalse();
        assertThat(set.stage("goals", 3)).isEqualTo(2);
        TargetProfileView completed = TargetProfileView.of(new Document(),
                new Document("targetProfile", new Document("goals", 3).append("trust", 3)), WAVES, 3);
        assertThat(completed.isDefault()).isTrue();
        TargetProfileView none = TargetProfileView.of(new Document(), new Document(), WAVES, 3);
        assertThat(none.isDefault()).isTrue();
        assertThat(none.stage("goals", 3)).isEqualTo(3);
    }
}
