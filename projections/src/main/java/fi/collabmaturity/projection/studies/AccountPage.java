package fi.collabmaturity.projection.studies;

import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.Paged;

import java.util.List;

/** A page of the accounts. */
public record AccountPage(List<AccountSummary> content, int page, int size, long totalElements)
        implements Paged<AccountSummary> {

    static AccountPage of(Page<AccountSummary> page) {
        return new AccountPage(page.content(), page.page(), page.size(), page.totalElements());
    }
}
