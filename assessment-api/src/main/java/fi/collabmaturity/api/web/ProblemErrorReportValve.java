package fi.collabmaturity.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request it refused before the application saw it (an encoded '/' or NUL in the path, an
 * address or headers larger than it reads): a problem in JSON instead of Tomcat's HTML page. The texts are fixed,
 * nothing of the request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String body;
        if (status == null || status.is5xxServerError()) {
            body = json(code, "internal-error", "Internal error", "the request failed unexpectedly");
        } else {
            body = json(code, ErrorPath.kind(status), ErrorPath.title(status), ErrorPath.detail(status));
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response cannot take a body: nothing more to tell
        }
    }

    /** The texts are constants of ErrorPath (no quotes or backslashes), so they need no escaping. */
    private static String json(int status, String kind, String title, String detail) {
        return "{\"type\":\"urn:collab-maturity:problem:" + kind + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
    }
}
