package fi.collabmaturity.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.collabmaturity.api.web.Problems;
import fi.collabmaturity.api.web.ReadYourWrites;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on creating POSTs: the same key with the same request answers the first response again and
 * records nothing new; the same key with another request is a 409. Keys are per user and kept durably, so a retry
 * after a restart is still recognised. A retry racing the first request waits for it and gets its response.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final long WAIT_NANOS = 5_000_000_000L;
    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problem(response, Problems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    "Idempotency-Key: must be 1-200 visible ASCII characters", null));
            return;
        }
        HttpServletRequest cached;
        String fingerprint;
        if (isMultipart(request)) {
            // The container parses an upload from its own stream, and a retry comes with a new random boundary:
            // so fingerprint the parts (names and contents) and leave the stream to the container.
            cached = request;
            try {
                fingerprint = fingerprint(request, parts(request));
            } catch (IllegalStateException | ServletException tooLargeOrMalformed) {
                problem(response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Too large",
                        "the upload is larger than allowed or not readable as multipart/form-data", null));
                return;
            }
        } else {
            CachedBodyRequest body = new CachedBodyRequest(request);
            cached = body;
            fingerprint = fingerprint(request, body.body());
        }
        String user = auth.getName();
        Optional<IdempotencyStore.Entry> existing = store.find(user, key);
        if (existing.isPresent()) {
            answerFromEntry(response, user, key, fingerprint, existing.get());
            return;
        }
        IdempotencyContext.Current current = new IdempotencyContext.Current(key, fingerprint);
        IdempotencyContext.set(current);
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cached, wrapper);
        } finally {
            IdempotencyContext.clear();
        }
        if (current.lostRace) {
            wrapper.resetBuffer();
            answerFromEntry(wrapper, user, key, fingerprint, store.find(user, key).orElseThrow());
            wrapper.copyBodyToResponse();
            return;
        }
        boolean success = wrapper.getStatus() >= 200 && wrapper.getStatus() < 300;
        if (current.claimed && !success) {
            store.release(user, key);
        }
        if (current.claimed && success) {
            store.complete(user, key, new IdempotencyStore.StoredResponse(wrapper.getStatus(),
                    wrapper.getContentType(), wrapper.getHeader("Location"),
                    wrapper.getHeader(ReadYourWrites.POSITION_HEADER), wrapper.getHeader("ETag"),
                    new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8)));
        }
        wrapper.copyBodyToResponse();
    }

    /** A key seen before: replay, refuse a different request, or wait for a first request still in flight. */
    private void answerFromEntry(HttpServletResponse response, String user, String key, String fingerprint,
                                 IdempotencyStore.Entry entry) throws IOException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (entry.fingerprint().equals(fingerprint) && entry.response() == null && System.nanoTime() < deadline) {
            sleep();
            entry = store.find(user, key).orElse(entry);
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            problem(response, Problems.problem(HttpStatus.CONFLICT, "idempotency-key-reused",
                    "Idempotency-Key reused", "this Idempotency-Key was used for a different request", null));
            return;
        }
        IdempotencyStore.StoredResponse stored = entry.response();
        if (stored == null) {
            problem(response, Problems.problem(HttpStatus.CONFLICT, "idempotency-response-unavailable",
                    "Response not available", "a request with this Idempotency-Key was recorded, but its response"
                            + " was not kept (the server stopped while answering); read the resource instead", null));
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        if (stored.position() != null) {
            response.setHeader(ReadYourWrites.POSITION_HEADER, stored.position());
        }
        if (stored.etag() != null) {
            response.setHeader("ETag", stored.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
    }

    private void problem(HttpServletResponse response, ResponseEntity<ProblemDetail> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.getBody());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (jakarta.servlet.http.Part part : request.getParts()) {
                digest.update((part.getName() + '\n' + part.getSubmittedFileName() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
                try (var in = part.getInputStream()) {
                    digest.update(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '?'
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
