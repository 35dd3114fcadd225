package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.scoring.DimensionEvidence;
import fi.collabmaturity.scoring.InterviewSegment;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence document of one area in one wave, as the scoring takes it: every answer of a self-assessment that is
 * not withdrawn, and per dimension every coded segment (its codings that are not withdrawn) with the informant who
 * spoke; the framework's rules then make the units ({@code EvidenceUnits}).
 */
record AreaWaveEvidence(Map<String, List<Double>> answers, Map<String, List<InterviewSegment>> segments,
                        Map<String, Map<String, Integer>> codes) {

    static AreaWaveEvidence from(Document doc) {
        Map<String, List<Double>> answers = new TreeMap<>();
        Document selfAssessments = doc.get("selfAssessments", new Document());
        for (Object value : selfAssessments.values()) {
            Document sa = (Document) value;
            if (Boolean.TRUE.equals(sa.getBoolean("withdrawn"))) {
                continue;
            }
            Document given = sa.get("answers", new Document());
            given.forEach((dimension, answer) ->
                    answers.computeIfAbsent(dimension, d -> new ArrayList<>()).add(((Number) answer).doubleValue()));
        }
        // unit key: interview, segment, dimension → the stages its coders gave
        Map<String, Map<String, List<Integer>>> codings = new TreeMap<>();
        Map<String, Map<String, Integer>> codes = new TreeMap<>();
        Document findings = doc.get("findings", new Document());
        for (Object value : findings.values()) {
            Document f = (Document) value;
            if (Boolean.TRUE.equals(f.getBoolean("withdrawn"))) {
                continue;
            }
            String dimension = f.getString("dimension");
            String unit = f.getString("interview") + "\u0000" + f.getString("unit");
            codings.computeIfAbsent(dimension, d -> new TreeMap<>())
                    .computeIfAbsent(unit, u -> new ArrayList<>()).add(f.getInteger("stage"));
            for (String code : f.getList("codes", String.class, List.of())) {
                codes.computeIfAbsent(dimension, d -> new HashMap<>()).merge(code, 1, Integer::sum);
            }
        }
        Document informants = doc.get("informants", new Document());
        Map<String, List<InterviewSegment>> segments = new TreeMap<>();
        codings.forEach((dimension, units) -> units.forEach((unit, stages) -> {
            String interview = unit.substring(0, unit.indexOf('\u0000'));
            segments.computeIfAbsent(dimension, d -> new ArrayList<>())
                    .add(new InterviewSegment(informants.getString(interview), unit, stages));
        }));
        return new AreaWaveEvidence(answers, segments, codes);
    }

    Map<String, DimensionEvidence> byDimension() {
        Map<String, DimensionEvidence> evidence = new HashMap<>();
        for (String dimension : union()) {
            evidence.put(dimension, new DimensionEvidence(segments.getOrDefault(dimension, List.of()),
                    answers.getOrDefault(dimension, List.of())));
        }
        return evidence;
    }

    private List<String> union() {
        List<String> dimensions = new ArrayList<>(answers.keySet());
        segments.keySet().stream().filter(d -> !answers.containsKey(d)).forEach(dimensions::add);
        return dimensions;
    }
}
