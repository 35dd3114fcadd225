package fi.collabmaturity.api.storage.eventlog;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log read with gaps, through Axon's real JDBC engine on H2 in PostgreSQL mode (as the embedded default
 * runs it): the same events as Axon's own statement, read through a range of the index instead of the whole table.
 */
class BoundedGapQueryTest {

    private final String url = "jdbc:h2:mem:gaps-" + UUID.randomUUID() + ";MODE=PostgreSQL";
    private final List<String> prepared = new ArrayList<>();
    private Connection keepAlive;
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void logOfTwentyEvents() throws SQLException {
        keepAlive = DriverManager.getConnection(url, "sa", "");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(recordingStatements())
                .transactionManager(NoTransactionManager.INSTANCE)
                .batchSize(5)
                .readEventDataWithGaps(new BoundedGapQuery())
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        for (int i = 0; i < 20; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Thing", "thing-" + i, 0, "payload " + i));
        }
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void readsTheEventsInTheGapsAndAfterThePositionInOrder() {
        // positions start at 1; a token at 10 that has not seen 4 and 7 yet
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(4L, 7L));

        List<Object> read = engine.readEvents(token, false).map(TrackedEventMessage::getPayload)
                .collect(Collectors.toList());

        // the event at position n is "payload n-1"
        assertThat(read).containsExactly("payload 3", "payload 6", "payload 10", "payload 11", "payload 12",
                "payload 13", "payload 14", "payload 15", "payload 16", "payload 17", "payload 18", "payload 19");
    }

    @Test
    void selectsTheSameEventsAsAxonsOwnStatement() throws SQLException {
        // {position, batch size, gaps...}: gaps right below the position, at both ends of the log, a batch that
        // ends exactly at the last event, a batch of one, a batch past the end
        long[][] cases = {{10, 5, 4, 7}, {10, 1, 9}, {10, 10, 1, 9}, {15, 5, 1, 2, 3}, {19, 5, 18}, {3, 1000, 1, 2},
                {12, 3, 11}, {5, 2, 1, 2, 3, 4}};
        EventSchema schema = EventSchema.builder().build();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (long[] testCase : cases) {
                List<Long> gaps = Arrays.stream(testCase, 2, testCase.length).boxed().toList();
                List<Long> ours = positions(new BoundedGapQuery().build(c, schema, testCase[0], (int) testCase[1], gaps));
                List<Long> axons = positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(c, schema,
                        testCase[0], (int) testCase[1], gaps));
                assertThat(ours).as("position %d, batch %d, gaps %s", testCase[0], testCase[1], gaps)
                        .isNotEmpty().isEqualTo(axons);
            }
        }
    }

    private static List<Long> positions(PreparedStatement statement) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (statement; ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong("globalIndex"));
            }
        }
        return out;
    }

    @Test
    void readsOnlyARangeOfTheIndexNotTheWholeLog() throws SQLException {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, Set.of(4L, 7L));
        engine.readEvents(token, false).findFirst();

        String withGaps = prepared.stream().filter(sql -> sql.contains(" IN (")).findFirst().orElseThrow();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement explain = c.prepareStatement("EXPLAIN " + withGaps)) {
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                // H2 names the index it reads and, when it reads a range of it, the range: without one it would
                // say only "PUBLIC.PRIMARY_KEY_..." and scan every row; ?1 and ?2 are the lowest gap and the batch's end
                assertThat(plan.getString(1).replaceAll("\\s+", " "))
                        .containsPattern("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: GLOBALINDEX >= \\?1 AND GLOBALINDEX <= \\?2 \\*/");
            }
        }
    }

    /** Connections to the test database that remember every statement prepared on them. */
    private ConnectionProvider recordingStatements() {
        return () -> {
            Connection real = DriverManager.getConnection(url, "sa", "");
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String) {
                            prepared.add((String) args[0]);
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
