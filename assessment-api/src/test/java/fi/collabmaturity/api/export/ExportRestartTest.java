package fi.collabmaturity.api.export;

import fi.collabmaturity.api.AssessmentApplication;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.SliceScenario;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import fi.collabmaturity.api.support.RealPostgres;
import fi.collabmaturity.api.support.RequiresPostgres;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproducible across a restart and a replay: the export of a position before the application stops is byte for
 * byte the export of that position after it starts again, and after its maturity projection is rebuilt.
 */
class ExportRestartTest {

    Path dataDir;

    @Test
    void givesTheSameBytesAfterARestartAndAReplay() throws InterruptedException {
        sameBytesAfterRestartAndReplay(List.of());
    }

    @Test
    @RequiresPostgres
    void givesTheSameBytesAfterARestartAndAReplayWithTheEventLogOnPostgres() throws InterruptedException {
        RealPostgres.Database database = RealPostgres.newDatabase("export_restart");
        try {
            sameBytesAfterRestartAndReplay(List.of("--assessment.storage.postgres-url=" + database.url(),
                    "--assessment.storage.postgres-user=" + database.user(),
                    "--assessment.storage.postgres-password=" + database.password()));
        } finally {
            RealPostgres.drop(database);
        }
    }

    private void sameBytesAfterRestartAndReplay(List<String> storage) throws InterruptedException {
        this.storage = storage;
        this.dataDir = TestData.freshFolder(storage.isEmpty() ? "export-restart" : "export-restart-postgres");
        byte[] before;
        long position;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            position = SliceScenario.record(api, "restart-export");
            assertThat(api.post("/api/v1/studies/restart-export/interviews", "{\"id\":\"i1\",\"waveId\":\"w2023\","
                    + "\"conductedOn\":\"2023-10-05\",\"informant\":{\"pseudonym\":\"H1\",\"organisationType\":"
                    + "\"ngo\",\"actorLevel\":\"leadership\"},\"areaIds\":[\"lapland-hyte\"]}").status()).isEqualTo(201);
            ApiClient.Response finding = api.post("/api/v1/studies/restart-export/interviews/i1/findings",
                    "{\"segmentId\":\"s1\",\"areaId\":\"lapland-hyte\",\"dimension\":\"goals\",\"stage\":1,"
                            + "\"codes\":[\"reactive\"],\"excerpt\":\"Lainaus.\"}");
            assertThat(finding.status()).isEqualTo(201);
            position = finding.position();
            ExportZip zip = export(first, "");
            assertThat(zip.status()).isEqualTo(200);
            assertThat(zip.header("X-Assessment-Position")).isEqualTo(Long.toString(position));
            assertThat(zip.file("findings.csv")).contains(",s1,goals,cooperation,1,reactive,admin,1\n");
            before = zip.bytes();
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(export(second, "?asOf=" + position).bytes()).as("asOf after a restart").isEqualTo(before);
            assertThat(export(second, "").bytes()).as("the head after a restart").isEqualTo(before);

            ApiClient api = client(second);
            assertThat(api.post("/api/v1/admin/projections/maturity/replay", "").status()).isEqualTo(202);
            assertThat(export(second, "?asOf=" + position).bytes()).as("during a replay").isEqualTo(before);
            for (int i = 0; i < 200 && api.get("/api/v1/studies/restart-export/areas/lapland-hyte/profile"
                    + "?waveId=w2023").status() != 200; i++) {
                Thread.sleep(100);
            }
            assertThat(export(second, "?asOf=" + position).bytes()).as("after a replay").isEqualTo(before);
        }
    }

    private List<String> storage = List.of();

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--assessment.storage.data-dir=" + dataDir,
                "--assessment.admin-password=restart-secret"));
        args.addAll(storage);
        return new SpringApplicationBuilder(AssessmentApplication.class).run(args.toArray(String[]::new));
    }

    private static ExportZip export(ConfigurableApplicationContext context, String query) {
        return ExportZip.get(port(context), "admin", "restart-secret",
                "/api/v1/studies/restart-export/export" + query);
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(port(context), "admin", "restart-secret");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
