package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.projection.maturity.ReliabilityResult;
import fi.collabmaturity.projection.maturity.ResultParts.SourceStats;
import fi.collabmaturity.projection.maturity.ResultParts.StageSpan;
import fi.collabmaturity.study.Wave;

import java.util.List;

/** What the dashboard's templates and charts are given: small records, named as the templates read them. */
final class DashboardViews {

    private DashboardViews() {
    }

    /** One heatmap cell: the stage by number and name (never by colour alone) and the score. */
    record Cell(String dimension, boolean sufficient, Double score, String scoreText, String stageMark,
                String stageCode, String stageClasses, String stageName, String stageLabel) {
    }

    record OverviewRow(String areaId, String name, String region, String theme, List<Cell> cells, Cell overall,
                       String weakest) {
    }

    /** A filter's option: a code and its name in the page's language. */
    record Option(String code, String name) {
    }

    record LegendEntry(String mark, String classes, String label) {
    }

    /** A trajectory point's direction with the test that decided it, in words. */
    record Change(String direction, String decidedBy, String amount, String text) {
    }

    record RadarRow(String dimension, String label, Double now, String nowStage, String nowDescriptor,
                    Double before, String beforeStage, Change change, int target, String targetStage) {
    }

    record Series(String label, List<? extends Number> values) {
    }

    record RadarChart(List<String> labels, List<Series> series) {
    }

    record TriangulationRow(String dimension, String label, SourceStats interviews, SourceStats selfAssessments,
                            Double gap, boolean divergent, String evidence, Double score, String stage) {
    }

    record TrendPoint(String wave, Double score, String stage, StageSpan stageRange, Double ciLow, Double ciHigh,
                      Change change) {
    }

    record Trend(String dimension, String label, List<TrendPoint> points) {
    }

    record TrendChart(List<String> waves, List<Trend> dimensions) {
    }

    record TargetRow(fi.collabmaturity.projection.maturity.ResultParts.PathTarget target, String stages, String why,
                     String progress) {
    }

    record AboveRow(String dimension, String text) {
    }

    record MilestoneLine(String dimension, String text) {
    }

    record WaveMilestones(Wave wave, List<MilestoneLine> milestones) {
    }

    record FindingRow(Object stageNumber, Object codes, String excerpt, boolean erased, String coder,
                      String conductedOn) {
    }

    record ReliabilityRow(Wave wave, ReliabilityResult result) {
    }

    /** A chart of one series: labels and their values (and the series' name where it has one). */
    record ValuesChart(List<String> labels, List<?> values, String label) {
    }
}
