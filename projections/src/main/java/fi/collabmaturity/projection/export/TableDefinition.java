package fi.collabmaturity.projection.export;

import java.util.List;

/**
 * An export table: its name (the Data Package resource name and the file name without {@code .csv}), what it is,
 * its columns in order, its primary key and its references to the other tables.
 */
public record TableDefinition(String name, Bilingual title, Bilingual description, List<Column> columns,
                              List<String> primaryKey, List<ForeignKey> foreignKeys) {

    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public String fileName() {
        return name + ".csv";
    }

    public String[] header() {
        return columns.stream().map(Column::name).toArray(String[]::new);
    }
}
