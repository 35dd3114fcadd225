package fi.collabmaturity.projection.export;

import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.RegionCatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an export writes, folded from the event log up to the export's point: the study, its waves and areas
 * in export order, its interviews, the findings and self-assessments that count (withdrawn ones are not here), and
 * the reference data their codes are labelled with.
 */
public record StudyExportData(StudyRecord study, Framework framework, List<WaveRecord> waves, List<AreaRecord> areas,
                              Map<String, InterviewRecord> interviews, List<FindingRecord> findings,
                              List<SelfAssessmentRecord> selfAssessments, List<InterfaceTheme> interfaceThemes,
                              RegionCatalog regions) {

    public StudyExportData {
        waves = waves.stream().sorted(WaveRecord.ORDER).toList();
        areas = areas.stream().sorted((a, b) -> a.areaId().compareTo(b.areaId())).toList();
        interviews = Map.copyOf(interviews);
        findings = List.copyOf(findings);
        selfAssessments = List.copyOf(selfAssessments);
        interfaceThemes = List.copyOf(interfaceThemes);
    }

    /** The self-assessments of each area and wave (key {@link #key}), in no particular order. */
    public Map<String, List<SelfAssessmentRecord>> selfAssessmentsByAreaWave() {
        return group(selfAssessments, s -> key(s.areaId(), s.waveId()));
    }

    /** The findings of each area and wave (key {@link #key}), in no particular order. */
    public Map<String, List<FindingRecord>> findingsByAreaWave() {
        return group(findings, f -> key(f.areaId(), f.waveId()));
    }

    public static String key(String areaId, String waveId) {
        return areaId + '\u0000' + waveId;
    }

    public int dimensionIndex(String code) {
        for (int i = 0; i < framework.dimensions().size(); i++) {
            if (framework.dimensions().get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE; // unknown codes sort last; events only carry the framework's own
    }

    private static <T> Map<String, List<T>> group(Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, List<T>> out = new HashMap<>();
        for (T item : items) {
            out.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return out;
    }
}
