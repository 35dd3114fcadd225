package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.RecordIds;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The respondents' answers of a study ({@link RespondentSlot}) as the self-assessment rules use them, in the unit of
 * work of the submission, withdrawal or import at hand, so that a slot changes together with the self-assessment
 * that takes or frees it. The repositories are supplied late: they exist only once Axon's configuration is built,
 * after the components whose handlers use this.
 */
public class RespondentSlots {

    private final Supplier<Repository<RespondentSlot>> slots;
    private final Supplier<Repository<SelfAssessment>> selfAssessments;
    private final RecordedAnswers recordedBeforeSlots;

    /** For a store with no answers from before slots. */
    public RespondentSlots(Supplier<Repository<RespondentSlot>> slots,
                           Supplier<Repository<SelfAssessment>> selfAssessments) {
        this(slots, selfAssessments, RecordedAnswers.NONE);
    }

    /** {@code recordedBeforeSlots} finds answers recorded before answers had slots (see {@link RecordedAnswers}). */
    public RespondentSlots(Supplier<Repository<RespondentSlot>> slots,
                           Supplier<Repository<SelfAssessment>> selfAssessments, RecordedAnswers recordedBeforeSlots) {
        this.slots = slots;
        this.selfAssessments = selfAssessments;
        this.recordedBeforeSlots = recordedBeforeSlots;
    }

    /**
     * The self-assessment that holds the respondent's answer for the area in the wave, if there is one (also an
     * answer recorded before answers had slots).
     */
    public Optional<String> holder(String studyId, String areaId, String waveId, String respondent) {
        try {
            return Optional.ofNullable(slots.get().load(RecordIds.respondentSlot(studyId, areaId, waveId, respondent))
                    .invoke(RespondentSlot::holder));
        } catch (AggregateNotFoundException e) {
            return recordedBeforeSlots.earlierAnswer(studyId, areaId, waveId, respondent, null);
        }
    }

    /**
     * Gives the respondent's answer to {@code selfAssessmentId}; refused ({@link DuplicateAnswerException}) when the
     * respondent has answered already, unless {@code replaces} names that answer, which is then withdrawn with a
     * reason naming its replacement. {@code replaces} may also name an answer recorded before answers had slots.
     */
    void take(String studyId, String areaId, String waveId, String respondent, String selfAssessmentId,
              String replaces) {
        if (replaces != null) {
            try {
                selfAssessments.get().load(RecordIds.selfAssessment(studyId, replaces))
                        .execute(earlier -> earlier.replaceBy(selfAssessmentId, areaId, waveId, respondent));
            } catch (AggregateNotFoundException e) {
                throw new NotFoundException("self-assessment " + replaces + " (replaces) does not exist in study "
                        + studyId);
            }
        }
        TakeRespondentSlot command = new TakeRespondentSlot(studyId, areaId, waveId, respondent, selfAssessmentId,
                replaces);
        if (replaces == null && !exists(command.slotId())) {
            // no slot yet: the respondent may still have answered before answers had slots
            recordedBeforeSlots.earlierAnswer(studyId, areaId, waveId, respondent, selfAssessmentId)
                    .ifPresent(earlier -> {
                        throw new DuplicateAnswerException(areaId, waveId, earlier);
                    });
        }
        slot(command.slotId()).execute(slot -> slot.handle(command));
    }

    private boolean exists(String slotId) {
        try {
            slots.get().load(slotId);
            return true;
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    private Aggregate<RespondentSlot> slot(String slotId) {
        try {
            return slots.get().loadOrCreate(slotId, RespondentSlot::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // declared by loadOrCreate for factories that throw; this one does not
            throw new IllegalStateException("cannot load respondent slot " + slotId, e);
        }
    }

    /** The self-assessment was withdrawn: the respondent may answer again (if it held their answer). */
    void free(String studyId, String areaId, String waveId, String respondent, String selfAssessmentId) {
        FreeRespondentSlot command = new FreeRespondentSlot(studyId, areaId, waveId, respondent, selfAssessmentId);
        try {
            slots.get().load(command.slotId()).execute(slot -> slot.handle(command));
        } catch (AggregateNotFoundException e) {
            // answered before answers had slots: there is nothing to free
        }
    }
}
