package fi.collabmaturity.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.security.Audience;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.projection.support.ProgressQueries;
import fi.collabmaturity.projection.support.ResultCache;
import fi.collabmaturity.scoring.ScoringPolicy;
import fi.collabmaturity.study.StudyFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON of maturity results, kept per version of the maturity read models (the same rule as the projection's
 * own {@link ResultCache}): a result is computed and written as JSON once per version, then served as it is. The
 * results have no personal data; a maturity path shows the theme codes behind it to researchers and not to viewers,
 * so paths are kept per {@link Audience} (part of the key), every other result once for all.
 */
@Component
public class ResultJsonCache {

    private final MaturityQueries maturity;
    private final ObjectMapper json;
    private final ResultCache<ResultJson> cache = new ResultCache<>();

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ResultJsonCache(MaturityQueries maturity, ObjectMapper json, MeterRegistry meters) {
        this.maturity = maturity;
        this.json = json;
        this.meters = meters;
    }

    /**
     * Who asks for a result: a reader (counted as a hit or a miss) or the {@link ResultPrimer} (counted when it
     * computes).
     */
    enum Asker { READER, PRIMER }

    /** The profile of an area in a wave (the study and area are known to exist). */
    ResultJson profile(Asker asker, StudyFacts study, Framework framework, String areaId, String waveId) {
        String studyId = study.studyId();
        return get(asker, "profile", framework, study.policy(), Arrays.asList(studyId, areaId, waveId),
                snapshot -> maturity.profile(snapshot, framework, study.policy(), studyId, areaId, waveId));
    }

    /** The overview of a wave, optionally of one region or interface theme only. */
    ResultJson overview(Asker asker, StudyFacts study, Framework framework, String waveId, String regionCode,
                        String interfaceTheme) {
        String studyId = study.studyId();
        return get(asker, "overview", framework, study.policy(),
                Arrays.asList(studyId, waveId, regionCode, interfaceTheme),
                snapshot -> maturity.overview(snapshot, framework, study.policy(), studyId, waveId, regionCode,
                        interfaceTheme));
    }

    /** The trajectory of an area over the waves in time order. */
    ResultJson trajectory(Asker asker, StudyFacts study, Framework framework, String areaId, List<String> waves) {
        String studyId = study.studyId();
        return get(asker, "trajectory", framework, study.policy(), Arrays.asList(studyId, areaId, waves),
                snapshot -> maturity.trajectory(snapshot, framework, study.policy(), studyId, areaId, waves));
    }

    /**
     * The maturity path of an area in a language, at a wave or (waveId null) the latest wave with evidence, as the
     * audience may see it.
     */
    ResultJson path(Asker asker, Audience audience, StudyFacts study, Framework framework, String areaId,
                    List<String> waves, String waveId, String language) {
        String studyId = study.studyId();
        return get(asker, "path", framework, study.policy(),
                Arrays.asList(studyId, areaId, waves, waveId, language, audience),
                snapshot -> audience.path(maturity.path(snapshot, framework, study.policy(), studyId, areaId, waves,
                        waveId, language)));
    }

    /**
     * The result named by {@code what} and its arguments (everything it depends on besides the read models),
     * computed by {@code compute} at the read models' current version when it is not kept yet.
     */
    private ResultJson get(Asker asker, String what, Framework framework, ScoringPolicy policy, List<?> arguments,
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
        if (asker == Asker.READER) {
            counter(what, computed[0] ? "miss" : "hit").increment();
        } else if (computed[0]) {
            counter(what, "primed").increment();
        }
        return result;
    }

    /**
     * How often results are reused between changes (a low share of hits means reads come right after writes), and
     * how many the primer prepared. The counters are looked up once per result and outcome: the registry's lookup
     * sorts and copies the tags.
     */
    private Counter counter(String what, String outcome) {
        return counters.computeIfAbsent(what + '\u0000' + outcome, k -> meters.counter(
                "assessment.result.cache.requests", "result", what, "outcome", outcome));
    }
}
