package fi.collabmaturity.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies declared larger than a JSON request can reasonably be (413 before anything is read);
 * spreadsheet uploads (multipart) have their own, larger limits. A body without a declared length is still bounded
 * by Jackson's read constraints (string length, nesting depth).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json;

    public RequestSizeLimit(@Value("${assessment.http.max-json-bytes:1048576}") long maxBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                    "Too large", "the request body is larger than " + maxBytes + " bytes", null).getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
