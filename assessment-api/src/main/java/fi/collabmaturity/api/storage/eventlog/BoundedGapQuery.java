package fi.collabmaturity.api.storage.eventlog;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * How a processor reads the event log when its token has gaps (positions taken by transactions that had not
 * committed when it last read): the events after its position, and those in the gaps.
 *
 * <p>Axon's own statement says {@code (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}, and H2
 * cannot turn that OR into an index range: it walks the whole event table for every read (its plan names the
 * primary key without a range). With eight concurrent writers a token nearly always has gaps, so every read of new
 * events, after every commit, cost a scan of the whole log; in a profile of the ingest, a quarter of the
 * application's CPU went to it, growing with the log. The same condition with a range around it, from the lowest
 * gap to the end of the batch, selects the same rows (a token's gaps are all below its position) and lets H2 read
 * only that range of the index.
 */
final class BoundedGapQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        if (gaps.isEmpty()) {
            return JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, schema, globalIndex, batchSize);
        }
        String index = schema.globalIndexColumn();
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ?"
                + " AND ((" + index + " > ? AND " + index + " <= ?) OR " + index + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + "))"
                + " ORDER BY " + index + " ASC";
        long lowestGap = gaps.stream().mapToLong(Long::longValue).min().getAsLong();
        PreparedStatement statement = connection.prepareStatement(sql);
        int p = 1;
        statement.setLong(p++, lowestGap); // below the position: Axon's tokens refuse gaps at or above it
        statement.setLong(p++, globalIndex + batchSize);
        statement.setLong(p++, globalIndex);
        statement.setLong(p++, globalIndex + batchSize);
        for (Long gap : gaps) {
            statement.setLong(p++, gap);
        }
        return statement;
    }
}
