package fi.collabmaturity.api.web;

import fi.collabmaturity.shared.ConflictException;
import fi.collabmaturity.shared.FieldError;
import fi.collabmaturity.shared.InvalidInputException;
import fi.collabmaturity.shared.NotFoundException;
import fi.collabmaturity.shared.PreconditionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every refusal as RFC 9457 problem details: a type, a title, the status, a detail, and for bad input the list of
 * bad fields. Never a stack trace; an unexpected failure is logged here and answered with a plain 500.
 * Refusals of a layer built on the web layer are answered by that layer's own advice with {@link #problem} (the
 * idempotency layer's: IdempotencyProblems), so that this package depends on none of them.
 */
@RestControllerAdvice
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    /** The problem's type for each kind, made once: a 404 is answered often and should cost little. */
    private static final Map<String, URI> TYPES = new ConcurrentHashMap<>();

    /** The members of an invalid-input problem beside the standard ones. */
    public record Errors(List<FieldError> errors) {
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPES.computeIfAbsent(kind, k -> URI.create("urn:collab-maturity:problem:" + k)));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * With extension members (RFC 9457 section 3.2): each component of the record is one member of the problem, by
     * its name, in the record's order ({@code null} adds none).
     */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, String title, String detail,
                                                        Record members) {
        ResponseEntity<ProblemDetail> response = problem(status, kind, title, detail);
        if (members != null) {
            ProblemDetail problem = response.getBody();
            for (RecordComponent component : members.getClass().getRecordComponents()) {
                problem.setProperty(component.getName(), value(component, members));
            }
        }
        return response;
    }

    private static Object value(RecordComponent component, Record members) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // a record declared inside a controller need not be public
            return accessor.invoke(members);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("problem member " + component.getName(), e);
        }
    }

    public static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, new Errors(errors));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> on(InvalidInputException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> on(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> on(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> on(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    /** An If-Match that names a version the record is no longer at. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> on(ConflictingAggregateVersionException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                "the record has changed since the version named in If-Match; read it again");
    }

    /** Two writes to one record at the same moment: the later one is refused and may simply be retried. */
    @ExceptionHandler({ConflictingModificationException.class, LockAcquisitionFailedException.class})
    ResponseEntity<ProblemDetail> onConcurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "the record was changed by another request at the same moment; retry");
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> on(PreconditionFailedException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", e.getMessage());
    }

    /**
     * A body Jackson could not read as sent (see StrictJson): a field of the wrong type or out of range, an unknown
     * or repeated key are invalid input naming the field; text that is not one JSON document is a malformed body.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> on(HttpMessageNotReadableException e) {
        FieldError error = UnreadableBody.error(e.getCause());
        if (!UnreadableBody.BODY.equals(error.field())) {
            return invalid(List.of(error));
        }
        if (e.getCause() == null) {
            error = new FieldError(UnreadableBody.BODY, "is required");
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "body: " + error.message(), new Errors(List.of(error)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> on(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldError(e.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> on(MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> on(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> on(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "this resource is available as " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> on(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> p = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method not allowed", e.getMessage());
        return ResponseEntity.status(p.getStatusCode()).headers(h -> {
            h.addAll(p.getHeaders());
            if (e.getSupportedHttpMethods() != null) {
                h.setAllow(e.getSupportedHttpMethods());
            }
        }).body(p.getBody());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> on(MissingServletRequestPartException e) {
        return invalid(List.of(new FieldError(e.getRequestPartName(), "must be sent as a multipart file part")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> on(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return on(tooLarge);
        }
        return invalid(List.of(new FieldError("file", "must be sent as multipart/form-data with a part named file")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> on(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Too large", "the request is too large");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> on(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> on(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ProjectionsBehindException.class)
    ResponseEntity<ProblemDetail> on(ProjectionsBehindException e) {
        ResponseEntity<ProblemDetail> p = problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
                "Results not yet up to date", e.getMessage());
        return ResponseEntity.status(p.getStatusCode()).headers(h -> {
            h.addAll(p.getHeaders());
            h.set(HttpHeaders.RETRY_AFTER, "1");
        }).body(p.getBody());
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> on(EventStoreException e) {
        log.error("The event store refused a write", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                "the event log could not be written; nothing was recorded; retry");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> on(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed unexpectedly; it has been logged");
    }
}
