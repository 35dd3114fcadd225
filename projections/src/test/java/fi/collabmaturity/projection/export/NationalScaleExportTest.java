package fi.collabmaturity.projection.export;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of a national-scale study fits in a 256 MB heap: {@link NationalScaleExport} runs in a child JVM with
 * {@code -Xmx256m} and must finish (an OutOfMemoryError fails it) with every row written. Nothing here is timed; the
 * limit on the child's run only keeps a hung child from hanging the build.
 */
class NationalScaleExportTest {

    @Test
    void exportsANationalScaleStudyWithin256MegabytesOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), NationalScaleExport.class.getName())
                .redirectErrorStream(true).start();
        boolean finished = child.waitFor(10, TimeUnit.MINUTES);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            child.destroyForcibly();
        }
        assertThat(finished).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        // 352 areas x 3 waves x 8 dimensions x 3 rows; 42,240 respondents' answers x 8; 1,056 area-waves x 15
        assertThat(output).as(output).contains("rows waves=3 areas=352 scores_long=25344 targets_long=8448 self_assessments_long=337920 "
                + "findings=15840");
        System.out.println(List.of(output.split("\n")));
    }
}
