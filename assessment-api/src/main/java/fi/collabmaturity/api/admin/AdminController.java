package fi.collabmaturity.api.admin;

import fi.collabmaturity.api.security.StudyAccess;
import fi.collabmaturity.shared.ConflictException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operations on the read side (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminController {

    private final ProjectionAdmin projections;
    private final StudyAccess access;

    public AdminController(ProjectionAdmin projections, StudyAccess access) {
        this.projections = projections;
        this.access = access;
    }

    public record Projections(List<ProjectionStatus> projections) {
    }

    public record Replaying(String name, String status) {
    }

    public record DeadLettersRetried(String name, int processedSequences, long deadLetters) {
    }

    @GetMapping("/projections")
    public Projections projections() {
        access.requireAdmin();
        return new Projections(projections.status());
    }

    /** Starts the rebuild and answers at once (202); follow it in GET /admin/projections. */
    @PostMapping("/projections/{name}/replay")
    public ResponseEntity<Replaying> replay(@PathVariable String name) {
        access.requireAdmin();
        try {
            projections.replay(name);
        } catch (UnableToClaimTokenException e) {
            throw new ConflictException("projection " + name + " is being processed by another instance, which "
                    + "must let it go before it can be rebuilt here");
        }
        return ResponseEntity.accepted().body(new Replaying(name, "replaying"));
    }

    /** Handles a projection's dead letters again, after the cause was fixed. */
    @PostMapping("/projections/{name}/dead-letters/retry")
    public DeadLettersRetried retryDeadLetters(@PathVariable String name) {
        access.requireAdmin();
        int processed = projections.retryDeadLetters(name);
        return new DeadLettersRetried(name, processed, projections.deadLetters(name));
    }
}
