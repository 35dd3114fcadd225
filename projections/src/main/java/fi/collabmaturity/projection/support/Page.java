package fi.collabmaturity.projection.support;

import java.util.List;

/** A page of a list, with the API's paging fields: {@code {content, page, size, totalElements}}. */
public record Page<T>(List<T> content, int page, int size, long totalElements) implements Paged<T> {

    /** The {@code page}-th slice of {@code size} of the whole list {@code all}. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), page, size, all.size());
    }

    /** A list answered whole, as one page (the reference lists: never paged). */
    public static <T> Page<T> whole(List<T> all, int size) {
        return new Page<>(all, 0, size, all.size());
    }
}
