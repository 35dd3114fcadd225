package fi.collabmaturity.projection.support;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list with the API's paging fields. Query handlers answer a record of their own that implements this
 * ({@code AreaPage}, ...): Axon matches a handler by its declared return type, which must be a plain class, not a
 * parameterised {@code Page<T>}.
 */
public interface Paged<T> {

    List<T> content();

    int page();

    int size();

    long totalElements();

    /** The same page with each item shown as {@code view} shows it. */
    default <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(content().stream().<R>map(view).toList(), page(), size(), totalElements());
    }
}
