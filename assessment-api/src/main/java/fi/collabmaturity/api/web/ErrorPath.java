package fi.collabmaturity.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page, in place of Spring Boot's: an error the container itself raised (a refused request,
 * a response ended with sendError) is answered as a problem like every other error. Asked for directly, {@code
 * /error} is a resource that does not exist.
 */
@RestController
public class ErrorPath implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || status.is5xxServerError() || !status.isError()) {
            return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the request failed unexpectedly; it has been logged", null);
        }
        return Problems.problem(status, kind(status), title(status), detail(status));
    }

    static String kind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case PAYLOAD_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "too-large";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> "bad-request";
        };
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Bad request";
            case NOT_FOUND -> "Not found";
            case UNAUTHORIZED -> "Unauthenticated";
            case FORBIDDEN -> "Forbidden";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case PAYLOAD_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "Too large";
            default -> status.getReasonPhrase();
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such resource";
            case BAD_REQUEST -> "the request cannot be read: its address or headers are malformed or too long";
            case PAYLOAD_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request is too large";
            default -> "the request was refused";
        };
    }
}
