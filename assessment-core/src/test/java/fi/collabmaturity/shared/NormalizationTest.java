package fi.collabmaturity.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizationTest {

    @Test
    void composesADecomposedPseudonym() {
        String decomposed = "A\u0308ija\u0308-7"; // as macOS often sends "Äijä-7"
        assertThat(Normalization.normalize(decomposed)).isEqualTo("\u00C4ij\u00E4-7").hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {" R-042 ", "\tR-042\r\n", "\u00A0R-042\u00A0", "\u202FR-042\u2007", "\uFEFFR-042\u200B"})
    void trimsWhiteSpaceAndInvisibleSpacesAtBothEnds(String given) {
        assertThat(Normalization.normalize(given)).isEqualTo("R-042");
    }

    @Test
    void keepsSpacesInside() {
        assertThat(Normalization.normalize(" Ryhmä 2 ")).isEqualTo("Ryhmä 2");
    }

    @Test
    void leavesNothingOfABlankValue() {
        assertThat(Normalization.normalize(" \u00A0\u200B\t")).isEmpty();
        assertThat(Normalization.normalize((String) null)).isNull();
    }

    @Test
    void normalisesEveryValueOfAListAndKeepsNullsToBeNamed() {
        assertThat(Normalization.normalize(Arrays.asList(" tyo\u0308llisyys", null, "hyte ")))
                .containsExactly("ty\u00F6llisyys", null, "hyte");
        assertThat(Normalization.normalize((List<String>) null)).isNull();
    }
}
