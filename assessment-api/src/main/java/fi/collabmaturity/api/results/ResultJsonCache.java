package fi.collabmaturity.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.projection.support.ResultCache;
import fi.collabmaturity.scoring.ScoringPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of maturity results, kept per version of the maturity read models (the same rule as the projection's
 * own {@link ResultCache}): a result is computed and written as JSON once per version, then served as it is. The
 * results have no personal data and look the same to everyone allowed to read the study, so one copy serves all.
 */
@Component
public class ResultJsonCache {

    private final MaturityQueries maturity;
    private final ObjectMapper json;
    private final ResultCache<ResultJson> cache = new ResultCache<>();

    private final MeterRegistry meters;

    public ResultJsonCache(MaturityQueries maturity, ObjectMapper json, MeterRegistry meters) {
        this.maturity = maturity;
        this.json = json;
        this.meters = meters;
    }

    /**
     * The result named by {@code what} and its arguments (everything it depends on besides the read models),
     * computed by {@code compute} at the read models' current version when it is not kept yet.
     */
    ResultJson get(String what, Framework framework, ScoringPolicy policy, List<?> arguments,
                   Function<ProgressQueries.Snapshot, Document> compute) {
        ProgressQueries.Snapshot snapshot = maturity.snapshot();
        String key = MaturityQueries.key(what, framework, policy, arguments.toArray());
        boolean[] computed = {false};
        ResultJson result = cache.get(snapshot.version(), key, () -> {
            computed[0] = true;
            try {
                return new ResultJson(json.writeValueAsBytes(compute.apply(snapshot)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
        // how often results are reused between changes: a low share of hits means reads come right after writes
        meters.counter("assessment.result.cache.requests", "result", what, "outcome", computed[0] ? "miss" : "hit")
                .increment();
        return result;
    }
}
