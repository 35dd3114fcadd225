package fi.collabmaturity.api.idempotency;

import fi.collabmaturity.api.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The idempotency layer's refusal as problem details, kept here beside the exception it answers so that the web
 * layer's {@link Problems} need not know this layer. Asked before Problems, whose catch-all for any exception would
 * otherwise answer it with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdempotencyProblems {

    /** A concurrent retry with the same Idempotency-Key; the idempotency filter answers it with the first response. */
    @ExceptionHandler(IdempotencyStore.KeyAlreadyClaimedException.class)
    ResponseEntity<ProblemDetail> on(IdempotencyStore.KeyAlreadyClaimedException e) {
        return Problems.problem(HttpStatus.CONFLICT, "idempotency-key-in-use", "Idempotency-Key in use",
                e.getMessage(), null);
    }
}
