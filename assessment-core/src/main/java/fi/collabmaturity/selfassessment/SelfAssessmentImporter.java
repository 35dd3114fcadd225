package fi.collabmaturity.selfassessment;

import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.participant.Participant;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import fi.collabmaturity.shared.Validation;
import fi.collabmaturity.study.StudyFacts;
import fi.collabmaturity.study.Wave;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a spreadsheet of self-assessments as one unit of work: every row is checked by the same rules as a
 * single submission, and only when no row is refused are all of them created, in the same unit of work, so that
 * their events are appended together or not at all. A researcher never has to find out which half of a file got in.
 */
public class SelfAssessmentImporter {

    /** The optional columns of a file that say what kind of respondent a row is (absent or empty: a person). */
    public static final String RESPONDENT_KIND_COLUMN = "respondent_kind";
    public static final String GROUP_SIZE_COLUMN = "group_size";

    private final Repository<SelfAssessment> selfAssessments;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final PersonalDataSealer sealer;
    private final RespondentSlots slots;

    public SelfAssessmentImporter(Repository<SelfAssessment> selfAssessments, StudyDirectory directory,
                                  FrameworkCatalog frameworks, PersonalDataSealer sealer, RespondentSlots slots) {
        this.selfAssessments = selfAssessments;
        this.directory = directory;
        this.frameworks = frameworks;
        this.sealer = sealer;
        this.slots = slots;
    }

    /** A row as checked: what is wrong with it, which recorded answer it repeats, and what is to be submitted. */
    private record CheckedRow(List<FieldError> errors, String duplicateOf, SubmitSelfAssessment submission) {
    }

    @CommandHandler
    public ImportReport handle(ImportSelfAssessments command) throws Exception {
        StudyFacts study = directory.study(command.studyId())
                .orElseThrow(() -> new NotFoundException("study " + command.studyId() + " does not exist"));
        if (command.rows() == null || command.rows().isEmpty()) {
            throw InvalidInputException.of("file", "has no data rows under its header");
        }
        Framework framework = study.framework(frameworks);
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> firstRowOfRespondent = new HashMap<>();
        List<SubmitSelfAssessment> submissions = new ArrayList<>();
        for (ImportSelfAssessments.ImportedRow row : command.rows()) {
            CheckedRow checked = check(row, study, framework, firstRowOfRespondent, command.replace());
            if (!checked.errors().isEmpty()) {
                rejected.add(new ImportReport.RejectedRow(row.rowNumber(), checked.errors(), checked.duplicateOf()));
            }
            submissions.add(checked.submission());
        }
        int total = command.rows().size();
        if (!rejected.isEmpty()) {
            return new ImportReport(total, 0, rejected, List.of(), command.dryRun());
        }
        if (command.dryRun()) {
            return new ImportReport(total, total, List.of(), List.of(), true);
        }
        // the respondents' keys in one go (one commit for the file, not one per new respondent); should a row still
        // fail below, the keys stay behind without data, as a single submission's key does when its append fails
        sealer.prepareKeys(study.studyId(), submissions.stream().map(SubmitSelfAssessment::respondent)
                .filter(Objects::nonNull).map(Participant::pseudonym).filter(Objects::nonNull).distinct().toList());
        // the events this file records say that they came from a spreadsheet, so the export can tell them apart
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.registerCorrelationDataProvider(
                message -> Map.of(CollectionMode.META_DATA_KEY, CollectionMode.SPREADSHEET)));
        List<String> ids = new ArrayList<>();
        for (SubmitSelfAssessment submission : submissions) {
            selfAssessments.newInstance(() -> new SelfAssessment(submission, directory, frameworks, sealer, slots));
            ids.add(submission.selfAssessmentId());
        }
        return new ImportReport(total, total, List.of(), ids, false);
    }

    private CheckedRow check(ImportSelfAssessments.ImportedRow row, StudyFacts study, Framework framework,
                             Map<String, Integer> firstRowOfRespondent, boolean replace) {
        SubmitSelfAssessment submission = row.submission();
        Validation v = new Validation();
        SelfAssessment.checkContent(v, submission, framework);
        List<FieldError> errors = new ArrayList<>(row.readErrors());
        try {
            v.throwIfInvalid();
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                String column = column(error.field());
                // a cell that could not be read is already named; the answer it left out is not a second mistake
                if (errors.stream().noneMatch(known -> known.field().equals(column))) {
                    errors.add(new FieldError(column, error.message()));
                }
            }
        }
        String areaId = submission.areaId();
        if (areaId != null && !areaId.isBlank() && !directory.areaExists(study.studyId(), areaId)) {
            errors.add(new FieldError("areaId", "area " + areaId + " does not exist in study " + study.studyId()));
        }
        boolean areaKnown = areaId != null && !areaId.isBlank() && errors.stream()
                .noneMatch(e -> e.field().equals("areaId"));
        String waveId = submission.waveId();
        boolean waveKnown = false;
        if (waveId != null && !waveId.isBlank()) {
            Optional<Wave> wave = study.wave(waveId);
            if (wave.isEmpty()) {
                errors.add(new FieldError("waveId", "wave " + waveId + " does not exist in study " + study.studyId()));
            } else if (wave.get().closed()) {
                errors.add(new FieldError("waveId", "wave " + waveId + " is closed; reopen it to add to it"));
            } else {
                waveKnown = true;
            }
        }
        if (directory.recordExists(RecordIds.selfAssessment(study.studyId(), submission.selfAssessmentId()))) {
            errors.add(new FieldError("id", "a record with id " + submission.selfAssessmentId() + " already exists"));
        }
        String duplicateOf = null;
        String pseudonym = submission.respondent() == null ? null : submission.respondent().pseudonym();
        if (pseudonym != null && !pseudonym.isEmpty()) {
            // The same respondent twice for one area and wave in one file is almost always a pasted duplicate.
            String key = pseudonym + '\u0000' + areaId + '\u0000' + waveId;
            Integer first = firstRowOfRespondent.putIfAbsent(key, row.rowNumber());
            if (first != null) {
                errors.add(new FieldError("pseudonym",
                        "the same respondent, area and wave as row " + first + " of this file"));
            } else if (areaKnown && waveKnown) {
                // ...and an answer already recorded for them is most often the same file sent twice
                Optional<String> recorded = sealer.knownParticipant(study.studyId(), pseudonym)
                        .flatMap(participant -> slots.holder(study.studyId(), areaId, waveId, participant));
                if (recorded.isPresent() && replace) {
                    submission = submission.replacing(recorded.get());
                } else if (recorded.isPresent()) {
                    duplicateOf = recorded.get();
                    errors.add(new FieldError("pseudonym", "this respondent has already answered area " + areaId
                            + " in wave " + waveId + " (self-assessment " + duplicateOf
                            + "); import with replace=true to replace the recorded answers"));
                }
            }
        }
        return new CheckedRow(errors, duplicateOf, submission);
    }

    /** Names a submission's field as the spreadsheet column it came from ({@code answers.trust} → {@code trust}). */
    static String column(String field) {
        if (field.equals("respondent.kind")) {
            return RESPONDENT_KIND_COLUMN;
        }
        if (field.equals("respondent.groupSize")) {
            return GROUP_SIZE_COLUMN;
        }
        if (field.startsWith("respondent.")) {
            return field.substring("respondent.".length());
        }
        if (field.startsWith("answers.")) {
            return field.substring("answers.".length());
        }
        return field;
    }
}
