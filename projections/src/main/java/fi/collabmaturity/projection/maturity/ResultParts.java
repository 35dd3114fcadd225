package fi.collabmaturity.projection.maturity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.StageRange;
import fi.collabmaturity.scoring.AboveTarget;
import fi.collabmaturity.scoring.DevelopmentTarget;
import fi.collabmaturity.scoring.Milestone;
import fi.collabmaturity.scoring.Numbers;
import fi.collabmaturity.scoring.SourceStatistics;
import fi.collabmaturity.scoring.TrajectoryPoint;
import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * The parts the stored results and the answers are made of, in the API's shapes: the same records are stored by
 * the MongoDB driver's record codec and written by Jackson, so a result is read and served without reshaping.
 * A reported stage is three components: its code, its number (null for a range: no one number is honest for it)
 * and its range {@code {from, to}}; all null without a stage.
 */
public final class ResultParts {

    private ResultParts() {
    }

    public record FrameworkRef(String id, String version) {
        static FrameworkRef of(Framework framework) {
            return new FrameworkRef(framework.id(), framework.version());
        }
    }

    public record StageSpan(int from, int to) {
        static StageSpan of(StageRange range) {
            return range == null ? null : new StageSpan(range.from(), range.to());
        }

        StageRange range() {
            return new StageRange(from, to);
        }
    }

    /** How far the projection had got when an answer was read: the position and time of its last event. */
    public record AsOf(long position, String time) {
        static AsOf of(Document asOf) {
            return new AsOf(asOf.get("position") instanceof Number n ? n.longValue() : 0L, asOf.getString("time"));
        }
    }

    public record Overall(Double score, String stage, Integer stageNumber) {
    }

    public record SourceStats(int n, Double mean, Double sd, Double ciLow, Double ciHigh, boolean sufficient,
                              Map<String, Integer> distribution) {
        static SourceStats of(SourceStatistics s) {
            return new SourceStats(s.n(), Numbers.round3(s.mean()), Numbers.round3(s.sd()), Numbers.round3(s.ciLow()),
                    Numbers.round3(s.ciHigh()), s.sufficient(), s.distribution());
        }
    }

    public record Sources(SourceStats interviews, SourceStats selfAssessments) {
    }

    public record ProfileDimension(String dimension, Double score, String stage, Integer stageNumber,
                                   StageSpan stageRange, Double ciLow, Double ciHigh, String evidence,
                                   Sources sources, Double triangulationGap, boolean divergent) {
    }

    /** An area's cell of the overview on one dimension. */
    public record DimensionCell(Double score, String stage, Integer stageNumber, StageSpan stageRange,
                                String evidence) {
    }

    /** The unrounded scores of a profile, from which changes between waves are computed. */
    public record RawScores(Double overall, Map<String, Double> dimensions) {
    }

    public record CodeCount(String code, int count) {
    }

    public record Point(String waveId, Double score, String stage, Integer stageNumber, StageSpan stageRange,
                        Double ciLow, Double ciHigh, Double change, String direction, String decidedBy) {
        static Point of(Framework framework, TrajectoryPoint p) {
            return new Point(p.waveId(), Numbers.round3(p.score()), framework.stageCode(p.stage()),
                    number(p.stage()), StageSpan.of(p.stage()), Numbers.round3(p.ciLow()),
                    Numbers.round3(p.ciHigh()), Numbers.round3(p.change()),
                    p.direction() == null ? null : p.direction().code(),
                    p.decidedBy() == null ? null : p.decidedBy().code());
        }
    }

    public record DimensionPoints(String dimension, List<Point> points) {
    }

    public record MilestoneEntry(String waveId, String dimension, String fromStage, Integer fromStageNumber,
                                 StageSpan fromStageRange, String toStage, Integer toStageNumber,
                                 StageSpan toStageRange) {
        static MilestoneEntry of(Framework framework, Milestone m) {
            return new MilestoneEntry(m.waveId(), m.dimension(), framework.stageCode(m.fromStage()),
                    number(m.fromStage()), StageSpan.of(m.fromStage()), framework.stageCode(m.toStage()),
                    number(m.toStage()), StageSpan.of(m.toStage()));
        }
    }

    public record StepEnd(String stage, Integer stageNumber, StageSpan stageRange, String descriptor) {
        static StepEnd of(Framework framework, DevelopmentTarget.StepEnd end) {
            return new StepEnd(framework.stageCode(end.stage()), number(end.stage()), StageSpan.of(end.stage()),
                    end.descriptor());
        }
    }

    public record Step(StepEnd from, StepEnd to) {
    }

    /**
     * A development target of a path. {@code relatedCodes} (the theme codes behind it) is left out of the JSON when
     * null: viewers get paths without them ({@link PathResult#withoutCodes()}).
     */
    public record PathTarget(String dimension, String currentStage, Integer currentStageNumber,
                             StageSpan currentStageRange, String targetStage, Integer targetStageNumber,
                             StageSpan targetStageRange, int gap, Double score, Double progress, String rankedBy,
                             Step step, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> relatedCodes) {
        static PathTarget of(Framework framework, DevelopmentTarget t) {
            return new PathTarget(t.dimension(), framework.stageCode(t.currentStage()), number(t.currentStage()),
                    StageSpan.of(t.currentStage()), framework.stageCode(t.targetStage()), number(t.targetStage()),
                    StageSpan.of(t.targetStage()), t.gap(), Numbers.round3(t.score()), Numbers.round3(t.progress()),
                    t.rankedBy() == null ? null : t.rankedBy().code(),
                    new Step(StepEnd.of(framework, t.step().from()), StepEnd.of(framework, t.step().to())),
                    t.relatedCodes());
        }

        PathTarget withoutCodes() {
            return new PathTarget(dimension, currentStage, currentStageNumber, currentStageRange, targetStage,
                    targetStageNumber, targetStageRange, gap, score, progress, rankedBy, step, null);
        }
    }

    public record AboveTargetEntry(String dimension, Double score, String currentStage, Integer currentStageNumber,
                                   StageSpan currentStageRange, String targetStage, Integer targetStageNumber,
                                   StageSpan targetStageRange) {
        static AboveTargetEntry of(Framework framework, AboveTarget a) {
            return new AboveTargetEntry(a.dimension(), Numbers.round3(a.score()),
                    framework.stageCode(a.currentStage()), number(a.currentStage()), StageSpan.of(a.currentStage()),
                    framework.stageCode(a.targetStage()), number(a.targetStage()), StageSpan.of(a.targetStage()));
        }
    }

    /** The target profile a path measures against: the area's default or the one set from a wave. */
    public record TargetProfileEntry(@JsonProperty("isDefault") boolean isDefault, String fromWaveId,
                                     String rationale, Map<String, Integer> stages) {
    }

    static Integer number(StageRange stage) {
        return stage == null ? null : stage.number();
    }
}
