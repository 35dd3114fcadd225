package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.scoring.DimensionEvidence;
import fi.collabmaturity.scoring.DimensionScore;
import fi.collabmaturity.scoring.InterviewSegment;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.ProfileScoring;
import fi.collabmaturity.scoring.ScoringPolicy;
import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths and trajectories are computed from the stored profiles: reading one back (through the driver's record
 * codec, as the store keeps it) must give exactly the scores, stages and flags the projection scored (unrounded),
 * for every kind of evidence, or a path would differ from a path computed from the evidence itself.
 */
class ProfileRecordsTest {

    private static final Framework FRAMEWORK = FrameworkCatalog.fromClasspath()
            .get(FrameworkCatalog.DEFAULT_FRAMEWORK_ID);

    @Test
    void aStoredProfileReadsBackAsTheScoredProfile() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            Map<String, DimensionEvidence> evidence = new HashMap<>();
            for (var dimension : FRAMEWORK.dimensions()) {
                if (random.nextInt(5) == 0) {
                    continue; // no evidence at all for this dimension
                }
                evidence.put(dimension.code(), new DimensionEvidence(segments(random), units(random, 0.5)));
            }
            ScoringPolicy policy = random.nextBoolean() ? ScoringPolicy.DEFAULT
                    : new ScoringPolicy(1 + random.nextInt(5), ScoringPolicy.DEFAULT.weights(),
                    ScoringPolicy.DEFAULT.divergenceThreshold());
            MaturityProfile scored = ProfileScoring.profile(FRAMEWORK, policy, evidence);

            MaturityProfile read = ProfileRecords.scores(throughCodec(ProfileRecords.stored("s/a/w", "s", "a", "w",
                    scored, FRAMEWORK, Map.of())));

            assertThat(read.framework()).isEqualTo(scored.framework());
            assertThat(read.overallScore()).isEqualTo(scored.overallScore());
            assertThat(read.overallStage()).isEqualTo(scored.overallStage());
            assertThat(read.weakestDimension()).isEqualTo(scored.weakestDimension());
            assertThat(read.dimensions()).hasSameSizeAs(scored.dimensions());
            for (int i = 0; i < scored.dimensions().size(); i++) {
                DimensionScore expected = scored.dimensions().get(i);
                DimensionScore actual = read.dimensions().get(i);
                assertThat(actual.dimension()).isEqualTo(expected.dimension());
                assertThat(actual.score()).isEqualTo(expected.score());
                assertThat(actual.stage()).isEqualTo(expected.stage());
                assertThat(actual.sufficient()).isEqualTo(expected.sufficient());
                assertThat(actual.divergent()).isEqualTo(expected.divergent());
                // stored rounded: what the trajectory's interval test reads, in reported terms
                assertThat(actual.ciLow()).isEqualTo(Numbers.round3(expected.ciLow()));
                assertThat(actual.ciHigh()).isEqualTo(Numbers.round3(expected.ciHigh()));
            }
        }
    }

    @Test
    void theThemeCodesAreKeptMostFrequentFirstAndReadBackAsCounts() {
        Map<String, Map<String, Integer>> codes = Map.of("trust", Map.of("LUOT", 3, "AVO", 1, "ARV", 1),
                "goals", Map.of("TAV", 2));
        StoredProfile stored = throughCodec(ProfileRecords.stored("s/a/w", "s", "a", "w",
                ProfileScoring.profile(FRAMEWORK, ScoringPolicy.DEFAULT, Map.of()), FRAMEWORK, codes));

        assertThat(stored.relatedCodes().get("trust")).containsExactly(new ResultParts.CodeCount("LUOT", 3),
                new ResultParts.CodeCount("ARV", 1), new ResultParts.CodeCount("AVO", 1));
        assertThat(ProfileRecords.codes(stored)).isEqualTo(codes);
    }

    /** The record as the store gives it back: encoded and decoded by the driver's default codecs. */
    private static StoredProfile throughCodec(StoredProfile profile) {
        Codec<StoredProfile> codec = MongoClientSettings.getDefaultCodecRegistry().get(StoredProfile.class);
        BsonDocument bson = new BsonDocument();
        codec.encode(new BsonDocumentWriter(bson), profile, EncoderContext.builder().build());
        StoredProfile read = codec.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
        assertThat(read).isEqualTo(profile);
        return read;
    }

    private static List<InterviewSegment> segments(SplittableRandom random) {
        List<InterviewSegment> segments = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            List<Integer> codings = new ArrayList<>();
            for (int c = 0; c <= random.nextInt(3); c++) {
                codings.add(1 + random.nextInt(3));
            }
            segments.add(new InterviewSegment("informant-" + random.nextInt(4), "segment-" + i, codings));
        }
        return segments;
    }

    private static List<Double> units(SplittableRandom random, double step) {
        List<Double> units = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            units.add(1 + step * random.nextInt((int) (2 / step) + 1));
        }
        return units;
    }
}
