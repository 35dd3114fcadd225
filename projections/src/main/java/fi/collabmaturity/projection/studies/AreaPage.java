package fi.collabmaturity.projection.studies;

import fi.collabmaturity.projection.support.Page;
import fi.collabmaturity.projection.support.Paged;

import java.util.List;

/** A page of a study's areas. */
public record AreaPage(List<AreaView> content, int page, int size, long totalElements)
        implements Paged<AreaView> {

    static AreaPage of(Page<AreaView> page) {
        return new AreaPage(page.content(), page.page(), page.size(), page.totalElements());
    }
}
