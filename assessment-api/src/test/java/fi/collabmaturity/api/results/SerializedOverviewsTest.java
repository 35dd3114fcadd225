package fi.collabmaturity.api.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.projection.maturity.OverviewResult;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's JSON, written once per answer (instance) and exactly as Jackson writes it. */
class SerializedOverviewsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SerializedOverviews overviews = new SerializedOverviews(json);

    @Test
    void theSameAnswerIsWrittenOnceAndAnEqualAnswerReadAgainIsWrittenAgain() throws IOException {
        OverviewResult answer = overview("w2025");
        byte[] first = overviews.bytes(answer);
        assertThat(first).isEqualTo(json.writeValueAsBytes(answer));
        assertThat(overviews.bytes(answer)).isSameAs(first);

        OverviewResult again = overview("w2025"); // equal, but read anew (the projection moved on)
        assertThat(again).isEqualTo(answer);
        assertThat(overviews.bytes(again)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void writesTheAnswerAsJsonWithItsLengthAndReadsNothing() throws IOException {
        OverviewResult answer = overview("w2023");
        MockHttpOutputMessage output = new MockHttpOutputMessage();
        overviews.write(answer, MediaType.APPLICATION_JSON, output);
        assertThat(output.getBodyAsBytes()).isEqualTo(json.writeValueAsBytes(answer));
        assertThat(output.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(output.getHeaders().getContentLength()).isEqualTo(output.getBodyAsBytes().length);
        assertThat(overviews.canWrite(OverviewResult.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(overviews.canWrite(String.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(overviews.canRead(OverviewResult.class, MediaType.APPLICATION_JSON)).isFalse();
    }

    @Test
    void keepsOnlyTheLatestAnswers() throws IOException {
        OverviewResult oldest = overview("w-old");
        byte[] kept = overviews.bytes(oldest);
        for (int i = 0; i < SerializedOverviews.CAPACITY; i++) {
            overviews.bytes(overview("w" + i));
        }
        assertThat(overviews.bytes(oldest)).isNotSameAs(kept).isEqualTo(kept);
    }

    private static OverviewResult overview(String waveId) {
        return new OverviewResult("national", waveId, null, null, List.of("trust", "goals"), List.of());
    }
}
