package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page that does not exist, or a study the caller may not see, is a 404 page in the dashboards (the API's
 * advice would answer problem+json, which a browser shows as raw text). Ordered first and limited to the
 * dashboard controller, so the API's errors are untouched.
 */
@ControllerAdvice(assignableTypes = DashboardController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DashboardErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "ui/not-found";
    }
}
