package fi.collabmaturity.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The shapes every controller answers with: 201 with Location and position, lists with paging fields. */
public final class Responses {

    private Responses() {
    }

    /**
     * 201 with Location {@code location}, a path whose segments are sent percent-encoded where they need it (the
     * ids in it are validated, but a Location must never be what fails a write that is already recorded).
     */
    public static <T> ResponseEntity<T> created(String location, HttpHeaders positionHeaders, T body) {
        URI uri = UriComponentsBuilder.fromPath(location).build().encode().toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(uri).headers(positionHeaders).body(body);
    }

    public static <T> ResponseEntity<T> written(HttpHeaders positionHeaders, T body) {
        return ResponseEntity.ok().headers(positionHeaders).body(body);
    }

    public static Map<String, Object> page(List<?> content, int page, int size, long totalElements) {
        return Map.of("content", content, "page", page, "size", size, "totalElements", totalElements);
    }
}
