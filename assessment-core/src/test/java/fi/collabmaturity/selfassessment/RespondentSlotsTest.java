package fi.collabmaturity.selfassessment;

import fi.collabmaturity.shared.RecordIds;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A respondent's first slot and the answers recorded before answers had slots ({@link RecordedAnswers}). */
class RespondentSlotsTest {

    private static final String STUDY = "lapland";
    private static final String AREA = "lapland-hyte";
    private static final String WAVE = "w2024";
    private static final String RESPONDENT = "0b7a3f7e-participant";

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Repository<RespondentSlot> slots = EventSourcingRepository.builder(RespondentSlot.class)
            .eventStore(eventStore).build();
    private final Repository<SelfAssessment> selfAssessments = EventSourcingRepository.builder(SelfAssessment.class)
            .eventStore(eventStore).build();
    private final List<String> asked = new ArrayList<>();

    private RespondentSlots slotsRecordedBefore(String legacyId) {
        return new RespondentSlots(() -> slots, () -> selfAssessments, (study, area, wave, respondent, except) -> {
            asked.add(except);
            return legacyId.equals(except) ? Optional.empty() : Optional.of(legacyId);
        });
    }

    /** Takes the slot in a unit of work of its own, as a command handler would; its refusal is rethrown. */
    private static void take(RespondentSlots respondentSlots, String selfAssessmentId) {
        ResultMessage<Object> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            respondentSlots.take(STUDY, AREA, WAVE, RESPONDENT, selfAssessmentId, null);
            return null;
        });
        if (result.isExceptional() && result.exceptionResult() instanceof RuntimeException e) {
            throw e;
        }
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    @Test
    void refusesAFirstSlotToARespondentWhoAnsweredBeforeSlots() {
        RespondentSlots respondentSlots = slotsRecordedBefore("legacy-1");

        assertThatThrownBy(() -> take(respondentSlots, "sa-new"))
                .isInstanceOfSatisfying(DuplicateAnswerException.class,
                        e -> assertThat(e.recorded()).isEqualTo("legacy-1"));

        assertThat(asked).as("the answer being submitted is not its own earlier answer").containsExactly("sa-new");
        assertThat(eventStore.readEvents(RecordIds.respondentSlot(STUDY, AREA, WAVE, RESPONDENT)).asStream())
                .isEmpty();
    }

    @Test
    void asksNothingOnceTheRespondentHasASlot() {
        String slotId = RecordIds.respondentSlot(STUDY, AREA, WAVE, RESPONDENT);
        eventStore.publish(new GenericDomainEventMessage<>("RespondentSlot", slotId, 0L,
                new RespondentSlotTaken(STUDY, AREA, WAVE, RESPONDENT, "sa-1", null)));
        eventStore.publish(new GenericDomainEventMessage<>("RespondentSlot", slotId, 1L,
                new RespondentSlotFreed(STUDY, AREA, WAVE, RESPONDENT, "sa-1")));

        take(slotsRecordedBefore("legacy-1"), "sa-2");

        assertThat(asked).isEmpty();
        assertThat(eventStore.readEvents(slotId).asStream().map(m -> m.getPayload()).toList()).last()
                .isEqualTo(new RespondentSlotTaken(STUDY, AREA, WAVE, RESPONDENT, "sa-2", null));
    }
}
