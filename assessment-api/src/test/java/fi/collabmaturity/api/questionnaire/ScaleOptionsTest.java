package fi.collabmaturity.api.questionnaire;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleOptionsTest {

    static final FrameworkCatalog CATALOG = FrameworkCatalog.fromClasspath();

    @Test
    void everyStageAndEveryPointBetweenOnADimensionWithThreeDescriptors() {
        Framework f = CATALOG.get("keast-mandell-2014", "1.1.0");
        List<ScaleOptions.Option> trust = ScaleOptions.of(f, f.dimension("trust").orElseThrow());
        assertThat(trust).extracting(ScaleOptions.Option::code).containsExactly("1", "1.5", "2", "2.5", "3");
        assertThat(trust.get(1).between()).isTrue();
        assertThat(trust.get(1).belowStage()).isEqualTo(1);
        assertThat(trust.get(1).aboveStage()).isEqualTo(2);
        assertThat(trust.get(2).stage()).isEqualTo(2);
    }

    @Test
    void stagesSharingADescriptorAreOneChoiceSentAsTheValueTheFrameworkCreditsIt() {
        for (String version : List.of("1.0.0", "1.1.0")) {
            Framework f = CATALOG.get("keast-mandell-2014", version);
            var power = f.dimension("power").orElseThrow();
            List<ScaleOptions.Option> options = ScaleOptions.of(f, power);
            assertThat(options).as(version).extracting(ScaleOptions.Option::code).containsExactly("2", "2.5", "3");
            assertThat(options.get(0).stage()).isEqualTo(2);
            assertThat(options.get(1).belowStage()).isEqualTo(2);
            // an earlier answer of 1.0 or 1.5 (typed in elsewhere) is shown as that one choice
            assertThat(ScaleOptions.find(options, power, new BigDecimal("1.0"))).isEqualTo(options.get(0));
            assertThat(ScaleOptions.find(options, power, new BigDecimal("1.5"))).isEqualTo(options.get(0));
            assertThat(ScaleOptions.find(options, power, new BigDecimal("3.0"))).isEqualTo(options.get(2));
            options.forEach(o -> assertThat(f.scale().accepts(o.value())).isTrue());
        }
    }
}
