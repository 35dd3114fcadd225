package fi.collabmaturity.projection.export;

import java.util.List;

/**
 * One column of an export table, described once for every place that describes it: the CSV header, the Table
 * Schema in datapackage.json and the variable in codebook-ddi.xml. {@code minimum} and {@code maximum} bound
 * numbers; {@code categories} list the codes of a coded column ({@code ordered} when their order means something,
 * as with stages).
 */
public record Column(String name, ColumnType type, Bilingual label, Bilingual description, boolean required,
                     List<Category> categories, boolean ordered, Number minimum, Number maximum) {

    public Column {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public static Column of(String name, ColumnType type, boolean required, Bilingual label, Bilingual description) {
        return new Column(name, type, label, description, required, List.of(), false, null, null);
    }

    public Column coded(List<Category> codes, boolean inOrder) {
        return new Column(name, type, label, description, required, codes, inOrder, minimum, maximum);
    }

    public Column between(Number min, Number max) {
        return new Column(name, type, label, description, required, categories, ordered, min, max);
    }
}
