package fi.collabmaturity.api.web;

import fi.collabmaturity.projection.support.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;

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

    /** A page of the whole list {@code all}. */
    public static <T> Page<T> page(List<T> all, Paging paging) {
        return Page.of(all, paging.page(), paging.size());
    }

}
