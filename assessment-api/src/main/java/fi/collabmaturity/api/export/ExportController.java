package fi.collabmaturity.api.export;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.export.ExportArchive;
import fi.collabmaturity.projection.export.ExportKeyCache;
import fi.collabmaturity.projection.export.ExportOptions;
import fi.collabmaturity.projection.export.ExportPoint;
import fi.collabmaturity.projection.export.Inclusion;
import fi.collabmaturity.projection.export.StudyExportData;
import fi.collabmaturity.projection.export.StudyLogFold;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.StudyFacts;
import org.springframework.http.ContentDisposition;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/studies/{studyId}/export}: the longitudinal export as a zip, for researchers of the study and
 * admins. The event log is read and folded before the response starts, so that a bad request or a study that did
 * not exist at the point still gets a proper problem response; the archive is then streamed to the client, its
 * tables row by row, without ever being held in memory whole.
 */
@RestController
public class ExportController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final StudyAccess access;
    private final ExportEventReader reader;
    private final ParticipantKeyStore keys;
    private final FrameworkCatalog frameworks;
    private final RegionCatalog regions;
    private final ProductVersion productVersion;
    private final MeterRegistry meters;

    public ExportController(StudyAccess access, ExportEventReader reader, ParticipantKeyStore keys,
                            FrameworkCatalog frameworks, RegionCatalog regions, ProductVersion productVersion,
                            MeterRegistry meters) {
        this.meters = meters;
        this.access = access;
        this.reader = reader;
        this.keys = keys;
        this.frameworks = frameworks;
        this.regions = regions;
        this.productVersion = productVersion;
    }

    @GetMapping("/api/v1/studies/{studyId}/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String studyId,
                                                        @RequestParam(required = false) String asOf,
                                                        @RequestParam(required = false) List<String> include) {
        StudyFacts study = access.read(studyId);
        if (!access.maySeePersonalData(study)) {
            throw new AccessDeniedException("only researchers of the study and admins may export it");
        }
        ExportOptions options = ExportOptions.including(inclusions(include));
        AsOf point = AsOf.parse(asOf);
        long limit = reader.limit(point);

        long started = System.nanoTime();
        StudyLogFold fold = new StudyLogFold(studyId, options, new PersonalDataSealer(new ExportKeyCache(keys)),
                frameworks, regions);
        ExportPoint read = reader.read(point, limit, fold);
        Optional<StudyExportData> data = fold.result();
        if (data.isEmpty()) {
            throw new NotFoundException("study " + studyId + " did not exist as of event position " + read.position());
        }
        ExportArchive archive = new ExportArchive(productVersion.version());
        StreamingResponseBody body = out -> {
            CountingOutputStream counted = new CountingOutputStream(out);
            archive.write(data.get(), options, read, counted);
            Timer.builder("assessment.export").description("Time to build and stream an export, from the request")
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            DistributionSummary.builder("assessment.export.bytes").baseUnit("bytes")
                    .description("Size of an export archive").register(meters).record(counted.count());
        };
        return ResponseEntity.ok()
                .contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(studyId + "-export-" + read.position() + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Assessment-Position", Long.toString(read.position()))
                .body(body);
    }

    /** {@code include=excerpts,comments} or the parameter repeated; anything else is a 400. */
    private static Set<Inclusion> inclusions(List<String> include) {
        Set<Inclusion> out = EnumSet.noneOf(Inclusion.class);
        List<FieldError> errors = new ArrayList<>();
        for (String value : include == null ? List.<String>of() : include) {
            if (value == null || value.isBlank()) {
                continue;
            }
            Inclusion.ofCode(value.strip()).ifPresentOrElse(out::add, () -> errors.add(new FieldError("include",
                    "unknown value " + value.strip() + "; known: excerpts, comments")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return out;
    }

    /** Counts the bytes of the archive on their way to the client. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws java.io.IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
