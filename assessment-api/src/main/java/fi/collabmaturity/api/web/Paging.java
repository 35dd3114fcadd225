package fi.collabmaturity.api.web;

import fi.collabmaturity.shared.Validation;

/** The API's paging parameters: {@code page} from 0, {@code size} 1-500 (default 50). */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        new Validation().require(p >= 0, "page", "must be 0 or more")
                .require(s >= 1 && s <= MAX_SIZE, "size", "must be from 1 to " + MAX_SIZE).throwIfInvalid();
        return new Paging(p, s);
    }
}
