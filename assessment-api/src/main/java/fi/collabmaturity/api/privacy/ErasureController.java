package fi.collabmaturity.api.privacy;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.api.web.ReadYourWrites;
import fi.collabmaturity.api.web.Responses;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.study.EraseParticipant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * Erasure by crypto-shredding (ADMIN): the participant's key is deleted, so their excerpts, comments and
 * attributes, sealed with it in the events and the read models, can never be read again; their answers and codings
 * stay in the scores, anonymous. The erasure is itself recorded (who, when, which participant reference) before
 * the key goes, so a failure in between leaves a record and a retry finishes the job.
 */
@RestController
public class ErasureController {

    private final StudyAccess access;
    private final ParticipantKeyStore keys;
    private final CommandGateway commands;
    private final ReadYourWrites consistency;

    public ErasureController(StudyAccess access, ParticipantKeyStore keys, CommandGateway commands,
                             ReadYourWrites consistency) {
        this.access = access;
        this.keys = keys;
        this.commands = commands;
        this.consistency = consistency;
    }

    public record Erased(String participant, boolean erased) {
    }

    @PostMapping("/api/v1/studies/{studyId}/participants/{pseudonym}/erasure")
    public ResponseEntity<Erased> erase(@PathVariable String studyId, @PathVariable String pseudonym) {
        access.requireAdmin();
        access.read(studyId);
        String participant = keys.participantOf(studyId, pseudonym).orElseThrow(() -> new NotFoundException(
                "no participant " + pseudonym + " with personal data in study " + studyId + " (unknown or erased)"));
        commands.sendAndWait(new EraseParticipant(studyId, participant));
        keys.destroy(participant);
        return Responses.written(consistency.afterWrite(), new Erased(participant, true));
    }
}
