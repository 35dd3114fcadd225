package fi.collabmaturity.api.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.projection.maturity.OverviewResult;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an overview's JSON once per answer. The query handlers give the same {@link OverviewResult} instance again
 * while the maturity projection stays at the position it was read at (their answer memo), so the bytes written for
 * an instance are written again for it, and a new answer is a new instance. Measured reason (BENCHMARKS.md): the
 * national study's overview is about 340 kB of JSON, and writing it on every request kept its p99 at 5.4 times the
 * floor for reads while profiles and paths, a few kB each, were at about twice it.
 */
final class SerializedOverviews extends AbstractHttpMessageConverter<OverviewResult> {

    /** An overview of the national study is about 340 kB: a few MB at most. */
    static final int CAPACITY = 16;

    private final ObjectMapper json;
    private final Map<Answer, byte[]> written = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Answer, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    SerializedOverviews(ObjectMapper json) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
    }

    /** The JSON of {@code overview}: written before for this very instance, or written now and kept. */
    byte[] bytes(OverviewResult overview) throws IOException {
        Answer answer = new Answer(overview);
        synchronized (written) {
            byte[] kept = written.get(answer);
            if (kept != null) {
                return kept;
            }
        }
        byte[] bytes = json.writeValueAsBytes(overview);
        synchronized (written) {
            written.put(answer, bytes);
        }
        return bytes;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return OverviewResult.class == type;
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false; // an overview is only ever an answer
    }

    @Override
    protected OverviewResult readInternal(Class<? extends OverviewResult> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("an overview is not read from a request", input);
    }

    @Override
    protected Long getContentLength(OverviewResult overview, MediaType contentType) throws IOException {
        return (long) bytes(overview).length;
    }

    @Override
    protected void writeInternal(OverviewResult overview, HttpOutputMessage output) throws IOException {
        output.getBody().write(bytes(overview));
    }

    /** An answer by identity: two equal overviews read at different positions are two answers. */
    private record Answer(OverviewResult overview) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Answer a && a.overview == overview;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(overview);
        }
    }
}
