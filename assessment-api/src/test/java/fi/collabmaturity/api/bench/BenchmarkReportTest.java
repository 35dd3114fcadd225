package fi.collabmaturity.api.bench;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a run rewrites BENCHMARKS.md: its own section and block, the other scale's left as they were. */
class BenchmarkReportTest {

    private static final String PROSE = "# Benchmarks\n\nThe method.\n\n## Scaling\n\n| a | b |\n";

    private static String block(String scale, String replay) {
        StringBuilder b = new StringBuilder();
        for (String name : Benchmark.BLOCK) {
            b.append(name).append(": ").append(name.equals("scale") ? scale
                    : name.equals("replay_total_s") ? replay : "1.000").append('\n');
        }
        return b.toString();
    }

    private static String write(String text, Benchmark.Slot slot, String section, String block) {
        Benchmark.Parts parts = Benchmark.Parts.of(text);
        Map<Benchmark.Slot, String> sections = new EnumMap<>(parts.sections());
        Map<Benchmark.Slot, String> blocks = new EnumMap<>(parts.blocks());
        sections.put(slot, section);
        if (block != null) {
            blocks.put(slot, block);
        }
        return new Benchmark.Parts(parts.prefix(), sections, parts.figuresIntro(), blocks).render();
    }

    @Test
    void aRunReplacesTheOldLatestRunAndKeepsTheProseBeforeIt() {
        String old = PROSE + "\n## Latest run\n\n- date: yesterday\n\ningest_per_s: 304\nevents_total: 102537\n";

        String text = write(old, Benchmark.Slot.NATIONAL, "- date: today", block("1", "50.000"));

        assertThat(text).startsWith(PROSE).doesNotContain("yesterday").doesNotContain("ingest_per_s: 304")
                .contains("### Ten times the national scale (`--scale=10`)\n\nNot yet run under this method.")
                .endsWith("The national run, one figure a line:\n\n" + block("1", "50.000"));
    }

    @Test
    void eachScaleKeepsTheOthersBlockTheTenTimesRunFirst() {
        String national = write(PROSE, Benchmark.Slot.NATIONAL, "- date: national", block("1", "50.000"));
        String both = write(national, Benchmark.Slot.TEN, "- date: ten", block("10", "400.000"));
        String again = write(both, Benchmark.Slot.NATIONAL, "- date: national again", block("1", "45.000"));

        assertThat(again).startsWith(PROSE).contains("- date: ten").contains("- date: national again")
                .doesNotContain("- date: national\n")
                .endsWith("The ten-times run, one figure a line:\n\n" + block("10", "400.000")
                        + "\nThe national run, one figure a line:\n\n" + block("1", "45.000"));
        assertThat(Benchmark.Parts.of(again).figures(Benchmark.Slot.NATIONAL)).containsEntry("replay_total_s", 45.0)
                .containsEntry("scale", 1.0);
        assertThat(Benchmark.Parts.of(again).figures(Benchmark.Slot.TEN)).containsEntry("replay_total_s", 400.0);
    }

    @Test
    void aSmallScaleGoesToItsOwnSectionAndLeavesBothBlocks() {
        String both = write(write(PROSE, Benchmark.Slot.NATIONAL, "- national", block("1", "50.000")),
                Benchmark.Slot.TEN, "- ten", block("10", "400.000"));

        String small = write(both, Benchmark.Slot.OTHER, "- small\n\nIts figures, one a line:\n\n"
                + block("0.05", "3.000"), null);

        assertThat(Benchmark.Slot.of(0.05)).isEqualTo(Benchmark.Slot.OTHER);
        assertThat(Benchmark.Slot.of(10)).isEqualTo(Benchmark.Slot.TEN);
        assertThat(small).contains("- small").endsWith("The ten-times run, one figure a line:\n\n"
                + block("10", "400.000") + "\nThe national run, one figure a line:\n\n" + block("1", "50.000"));
        assertThat(Benchmark.Parts.of(small).figures(Benchmark.Slot.NATIONAL)).containsEntry("replay_total_s", 50.0);
        assertThat(List.of(Benchmark.plain(10), Benchmark.plain(1.0), Benchmark.plain(0.05)))
                .containsExactly("10", "1", "0.05");
    }
}
