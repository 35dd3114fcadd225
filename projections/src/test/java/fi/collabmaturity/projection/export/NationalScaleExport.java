package fi.collabmaturity.projection.export;

import fi.collabmaturity.area.AreaRegistered;
import fi.collabmaturity.area.Party;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.interview.Excerpt;
import fi.collabmaturity.interview.FindingRecorded;
import fi.collabmaturity.interview.InformantDetails;
import fi.collabmaturity.interview.InterviewRecorded;
import fi.collabmaturity.privacy.InMemoryParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.privacy.Sealed;
import fi.collabmaturity.reference.InterfaceTheme;
import fi.collabmaturity.reference.InterfaceThemeCatalog;
import fi.collabmaturity.reference.Region;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.selfassessment.RespondentDetails;
import fi.collabmaturity.selfassessment.SelfAssessmentSubmitted;
import fi.collabmaturity.study.StudyCreated;
import fi.collabmaturity.study.WaveCreated;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A national-scale study folded and exported in one JVM, for {@link NationalScaleExportTest} (which runs it with a
 * 256 MB heap) and for measuring by hand: 352 areas × 3 waves × 40 respondents × 8 answers (337,920 answers, every
 * one sealed like the real events) and 15,840 findings with excerpts, with comments and excerpts included. The
 * events are generated one at a time straight into the fold, as the event log's stream hands them over; the archive
 * is written to a stream that only counts. Prints the row counts and the heap's peak.
 */
public final class NationalScaleExport {

    static final int AREAS = 352;
    static final int WAVES = 3;
    static final int RESPONDENTS = 40;
    static final int INTERVIEWS = 5;
    static final String STUDY = "national";

    public static void main(String[] args) throws IOException {
        FrameworkCatalog frameworks = FrameworkCatalog.fromClasspath();
        RegionCatalog regions = RegionCatalog.fromClasspath();
        InMemoryParticipantKeyStore keys = new InMemoryParticipantKeyStore();
        PersonalDataSealer sealer = new PersonalDataSealer(keys);
        ExportOptions options = ExportOptions.including(List.of(Inclusion.EXCERPTS, Inclusion.COMMENTS));
        StudyLogFold fold = new StudyLogFold(STUDY, options, new PersonalDataSealer(new ExportKeyCache(keys)),
                frameworks, regions);
        long events = generate(sealer, regions, fold::apply);
        StudyExportData data = fold.result().orElseThrow();
        System.gc();
        long retained = usedHeap();

        CountingStream out = new CountingStream();
        new ExportArchive("scale").write(data, options, new ExportPoint(events, Instant.EPOCH, "global_index"), out);
        StringBuilder rows = new StringBuilder("rows");
        for (ExportTable table : ExportArchive.tables(data, options)) {
            long[] count = {0};
            table.writeRows(cells -> count[0]++);
            rows.append(' ').append(table.definition().name()).append('=').append(count[0]);
        }
        System.out.println("events=" + events);
        System.out.println(rows);
        System.out.println("zip bytes=" + out.bytes);
        System.out.println("heap max MB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " retained after fold MB=" + retained / (1024 * 1024) + " peak MB=" + peakHeap() / (1024 * 1024));
    }

    static long generate(PersonalDataSealer sealer, RegionCatalog regions, Consumer<Object> sink) {
        Random random = new Random(2025);
        List<Region> regionList = regions.all();
        List<InterfaceTheme> themes = InterfaceThemeCatalog.seeded();
        List<String> dimensions = List.of("trust", "communication", "information_sharing", "goals", "power",
                "resources", "accountability", "commitment");
        List<String> codes = List.of("unclear responsibilities", "resource gap", "unknown partners", "reactive",
                "depends on individuals", "levels disconnected");
        long count = 0;
        sink.accept(new StudyCreated(STUDY, "National monitoring", "keast-mandell-2014", "1.0.0", null, "admin"));
        count++;
        for (int w = 0; w < WAVES; w++) {
            sink.accept(new WaveCreated(STUDY, "w" + (2023 + w), "Wave " + (2023 + w),
                    LocalDate.of(2023 + w, 9, 1), LocalDate.of(2023 + w, 12, 15)));
            count++;
        }
        for (int a = 0; a < AREAS; a++) {
            Map<String, Integer> target = new LinkedHashMap<>();
            dimensions.forEach(d -> target.put(d, 3));
            sink.accept(new AreaRegistered(STUDY, String.format("area-%03d", a), "Area " + a,
                    regionList.get(a % regionList.size()).code(), themes.get(a % themes.size()).code(),
                    List.of(new Party("wellbeing_services_county", "County " + a, null),
                            new Party("municipality", "Municipality " + a, null)), target));
            count++;
        }
        for (int w = 0; w < WAVES; w++) {
            String wave = "w" + (2023 + w);
            for (int a = 0; a < AREAS; a++) {
                String area = String.format("area-%03d", a);
                for (int r = 0; r < RESPONDENTS; r++) {
                    String pseudonym = area + "-R" + r;
                    Map<String, BigDecimal> answers = new LinkedHashMap<>();
                    for (String d : dimensions) {
                        answers.put(d, BigDecimal.valueOf(2 + random.nextInt(5), 0).divide(BigDecimal.valueOf(2))
                                .setScale(1));
                    }
                    Map<String, String> comments = r % 4 == 0 ? Map.of("goals", "Comment of " + pseudonym)
                            : Map.of();
                    Sealed details = sealer.seal(STUDY, pseudonym,
                            new RespondentDetails(pseudonym, "municipality", "coordination", comments));
                    sink.accept(new SelfAssessmentSubmitted(area + "-" + wave + "-" + r, STUDY, area, wave,
                            details.participant(), details, answers));
                    count++;
                }
                for (int i = 0; i < INTERVIEWS; i++) {
                    String interview = area + "-" + wave + "-i" + i;
                    String informant = area + "-H" + i;
                    Sealed details = sealer.seal(STUDY, informant, new InformantDetails(informant, "ngo",
                            "leadership"));
                    sink.accept(new InterviewRecorded(interview, STUDY, wave, LocalDate.of(2023 + w, 10, 1),
                            details.participant(), details, List.of(area), "researcher"));
                    count++;
                    for (int f = 0; f < 3; f++) {
                        String dimension = dimensions.get(random.nextInt(dimensions.size()));
                        Sealed excerpt = sealer.sealFor(details.participant(),
                                new Excerpt("Quote " + f + " of " + interview + ".")).orElseThrow();
                        // two coders on segment s1, a finding of its own after that
                        sink.accept(new FindingRecorded(interview, STUDY, wave, "f" + f, f < 2 ? "s1" : null, area,
                                f < 2 ? "goals" : dimension, 1 + random.nextInt(3),
                                List.of(codes.get(random.nextInt(codes.size()))), excerpt,
                                f == 1 ? "coder-b" : "coder-a"));
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
