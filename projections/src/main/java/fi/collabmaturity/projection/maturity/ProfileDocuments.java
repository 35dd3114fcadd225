package fi.collabmaturity.projection.maturity;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.scoring.DimensionScore;
import fi.collabmaturity.scoring.MaturityProfile;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.Source;
import fi.collabmaturity.scoring.SourceStatistics;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

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
            dimensions.add(new Document("dimension", d.dimension())
                    .append("score", Numbers.round3(d.score()))
                    .append("stage", stageCode(framework, d.stage()))
                    .append("stageNumber", d.stage())
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
            dimensions.append(d.dimension(), new Document("score", Numbers.round3(d.score()))
                    .append("stage", stageCode(framework, d.stage())).append("stageNumber", d.stage())
                    .append("evidence", d.sufficient() ? "sufficient" : "insufficient"));
        }
        return new Document("overall", new Document("score", Numbers.round3(profile.overallScore()))
                .append("stage", stageCode(framework, profile.overallStage()))
                .append("stageNumber", profile.overallStage()))
                .append("weakestDimension", profile.weakestDimension())
                .append("dimensions", dimensions);
    }

    static String stageCode(Framework framework, Integer stage) {
        return stage == null ? null : framework.stage(stage).code();
    }
}
