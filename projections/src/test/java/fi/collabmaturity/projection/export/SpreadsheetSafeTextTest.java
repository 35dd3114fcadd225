package fi.collabmaturity.projection.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP's advice against CSV injection, for text cells only, and reversible. */
class SpreadsheetSafeTextTest {

    @Test
    void aTextCellThatASpreadsheetWouldRunGetsAQuoteInFront() {
        for (String formula : new String[]{"=1+1", "+358 40", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(SpreadsheetSafeText.cell(formula, true)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetSafeText.cell("'quoted", true)).as("so that one quote can always be dropped")
                .isEqualTo("''quoted");
        assertThat(SpreadsheetSafeText.cell("R1", true)).isEqualTo("R1");
        assertThat(SpreadsheetSafeText.cell("a=b", true)).isEqualTo("a=b");
        assertThat(SpreadsheetSafeText.cell("", true)).isEmpty();
        assertThat(SpreadsheetSafeText.cell(null, true)).isNull();
    }

    @Test
    void numbersStayNumbersAndNulBecomesAReplacementCharacterEverywhere() {
        assertThat(SpreadsheetSafeText.cell("-1.5", false)).isEqualTo("-1.5");
        assertThat(SpreadsheetSafeText.cell("a\u0000b", true)).isEqualTo("a\uFFFDb");
        assertThat(SpreadsheetSafeText.cell("\u0000", false)).isEqualTo("\uFFFD");
    }
}
