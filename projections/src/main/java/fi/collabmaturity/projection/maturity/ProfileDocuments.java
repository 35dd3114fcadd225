package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.scoring.DimensionScore;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.Source;
import fi.collabmaturity.scoring.SourceStatistics;
import org.bson.Document;

import fi.collabmaturity.framework.FrameworkRef;
import fi.collabmaturity.framework.StageRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile as the API shows it (numbers rounded to 3 decimals, stages as codes and numbers), plus the unrounded
 * scores under {@code raw}, from which changes between waves are computed.
 */
final class ProfileDocuments {

    private ProfileDocuments() {
    }

    static Document profile(MaturityProfile profile, Framework framework) {
        List<Document> dimensions = new ArrayList<>();
        Document rawDimensions = new Document();
        for (DimensionScore d : profile.dimensions()) {
            Document sources = new Document();
            for (Source source : Source.values()) {
                sources.append(source.jsonName(), statistics(d.sources().get(source)));
            }
            Document dimension = new Document("dimension", d.dimension())
                    .append("score", Numbers.round3(d.score()));
            stage(dimension, "stage", framework, d.stage());
            dimensions.add(dimension
                    .append("ciLow", Numbers.round3(d.ciLow()))
                    .append("ciHigh", Numbers.round3(d.ciHigh()))
                    .append("evidence", d.sufficient() ? "sufficient" : "insufficient")
                    .append("sources", sources)
                    .append("triangulationGap", Numbers.round3(d.triangulationGap()))
                    .append("divergent", d.divergent()));
            rawDimensions.append(d.dimension(), d.score());
        }
        return new Document("framework", new Document("id", profile.framework().id())
                .append("version", profile.framework().version()))
                .append("overall", new Document("score", Numbers.round3(profile.overallScore()))
                        .append("stage", stageCode(framework, profile.overallStage()))
                        .append("stageNumber", profile.overallStage()))
                .append("weakestDimension", profile.weakestDimension())
                .append("dimensions", dimensions)
                .append("raw", new Document("overall", profile.overallScore()).append("dimensions", rawDimensions));
    }

    private static Document statistics(SourceStatistics s) {
        return new Document("n", s.n())
                .append("mean", Numbers.round3(s.mean()))
                .append("sd", Numbers.round3(s.sd()))
                .append("ciLow", Numbers.round3(s.ciLow()))
                .append("ciHigh", Numbers.round3(s.ciHigh()))
                .append("sufficient", s.sufficient())
                .append("distribution", new Document(s.distribution()));
    }

    /** The overview's cell of one area: overall and per-dimension score and stage. */
    static Document overviewCell(MaturityProfile profile, Framework framework) {
        Document dimensions = new Document();
        for (DimensionScore d : profile.dimensions()) {
            Document cell = new Document("score", Numbers.round3(d.score()));
            stage(cell, "stage", framework, d.stage());
            dimensions.append(d.dimension(), cell.append("evidence", d.sufficient() ? "sufficient" : "insufficient"));
        }
        return new Document("overall", new Document("score", Numbers.round3(profile.overallScore()))
                .append("stage", stageCode(framework, profile.overallStage()))
                .append("stageNumber", profile.overallStage()))
                .append("weakestDimension", profile.weakestDimension())
                .append("dimensions", dimensions);
    }

    /**
     * A stored profile back as the scoring's profile, with what trajectories, milestones and paths use: the
     * unrounded scores, the stages, the evidence and divergence flags (not the per-source statistics, which they do
     * not read). Null for a document written before the unrounded scores were kept.
     */
    static MaturityProfile scores(Document stored) {
        Document raw = stored.get("raw", Document.class);
        if (raw == null) {
            return null;
        }
        Document rawDimensions = raw.get("dimensions", new Document());
        List<DimensionScore> dimensions = new ArrayList<>();
        for (Document d : stored.getList("dimensions", Document.class)) {
            String code = d.getString("dimension");
            dimensions.add(new DimensionScore(code, number(rawDimensions.get(code)), stageRange(d, "stage"),
                    "sufficient".equals(d.getString("evidence")), Map.of(), number(d.get("triangulationGap")),
                    Boolean.TRUE.equals(d.getBoolean("divergent")), number(d.get("ciLow")), number(d.get("ciHigh"))));
        }
        Document framework = stored.get("framework", Document.class);
        return new MaturityProfile(new FrameworkRef(framework.getString("id"), framework.getString("version")),
                number(raw.get("overall")), stored.get("overall", Document.class).getInteger("stageNumber"),
                stored.getString("weakestDimension"), dimensions);
    }

    /** The theme codes of a stored profile ({@code relatedCodes}): dimension → code → number of findings. */
    static Map<String, Map<String, Integer>> codes(Document stored) {
        Map<String, Map<String, Integer>> codes = new TreeMap<>();
        stored.get("relatedCodes", new Document()).forEach((dimension, list) -> {
            Map<String, Integer> counts = new HashMap<>();
            for (Object entry : (List<?>) list) {
                Document code = (Document) entry;
                counts.put(code.getString("code"), ((Number) code.get("count")).intValue());
            }
            codes.put(dimension, counts);
        });
        return codes;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static String stageCode(Framework framework, Integer stage) {
        return stage == null ? null : framework.stage(stage).code();
    }

    /**
     * A reported stage under {@code name}: the code ({@code cooperation_or_coordination} for power's merged
     * anchor), {@code <name>Number} (null for a range: no one number is honest for it) and {@code <name>Range}
     * {@code {from, to}}; all null without a stage.
     */
    static Document stage(Document doc, String name, Framework framework, StageRange stage) {
        return doc.append(name, framework.stageCode(stage))
                .append(name + "Number", stage == null ? null : stage.number())
                .append(name + "Range", stage == null ? null
                        : new Document("from", stage.from()).append("to", stage.to()));
    }

    /** The stage {@link #stage} wrote under {@code name}, or null. */
    static StageRange stageRange(Document doc, String name) {
        Document range = doc.get(name + "Range", Document.class);
        return range == null ? null : new StageRange(range.getInteger("from"), range.getInteger("to"));
    }
}
