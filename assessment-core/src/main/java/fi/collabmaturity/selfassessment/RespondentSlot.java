package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One respondent's answer for one area in one wave: which self-assessment holds it, if any. A second answer by the
 * same respondent is refused unless it says which one it replaces. This is an aggregate of its own, keyed by study,
 * area, wave and participant reference, because uniqueness has to hold when two identical submissions arrive at the
 * same moment: the read models are eventually consistent, but an aggregate's stream is not. Two writers of one slot
 * are serialised by the repository's lock in a process and by the event store's unique (aggregate, sequence) key
 * across processes, and its events are appended in the same unit of work as the self-assessment's own, so they
 * stand or fall together. Only contention between answers of the same person ever waits here.
 */
public class RespondentSlot {

    @AggregateIdentifier
    private String slotId;
    /** The self-assessment that holds the answer; null when the slot is free. */
    private String holder;

    RespondentSlot() {
        // for Axon, and for a slot taken for the first time
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(TakeRespondentSlot command) {
        if (holder != null && !holder.equals(command.replaces())) {
            throw new DuplicateAnswerException(command.areaId(), command.waveId(), holder);
        }
        apply(new RespondentSlotTaken(command.studyId(), command.areaId(), command.waveId(), command.respondent(),
                command.selfAssessmentId(), command.replaces()));
    }

    @CommandHandler
    public void handle(FreeRespondentSlot command) {
        // a self-assessment that was replaced no longer holds the slot: its withdrawal frees nothing
        if (command.selfAssessmentId().equals(holder)) {
            apply(new RespondentSlotFreed(command.studyId(), command.areaId(), command.waveId(),
                    command.respondent(), command.selfAssessmentId()));
        }
    }

    /** The self-assessment that holds the answer, or null. */
    String holder() {
        return holder;
    }

    @EventSourcingHandler
    void on(RespondentSlotTaken event) {
        slotId = RecordIds.respondentSlot(event.studyId(), event.areaId(), event.waveId(), event.respondent());
        holder = event.selfAssessmentId();
    }

    @EventSourcingHandler
    void on(RespondentSlotFreed event) {
        holder = null;
    }
}
