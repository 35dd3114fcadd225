package fi.collabmaturity.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged application as a separate process on loopback, for tests that must kill it. */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    public final int port;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AppProcess start(Path dataDir, String adminPassword, Path log) {
        return start(dataDir, adminPassword, log, List.of("-Xmx512m"));
    }

    /** With environment variables of its own, such as the storage switches (ASSESSMENT_POSTGRES_URL...). */
    public static AppProcess start(Path dataDir, String adminPassword, Path log, Map<String, String> environment) {
        return start(dataDir, adminPassword, log, List.of("-Xmx512m"), environment);
    }

    /** With the given JVM options instead of the default heap (the benchmark sets heap sizes and GC logging). */
    public static AppProcess start(Path dataDir, String adminPassword, Path log, List<String> jvmOptions) {
        return start(dataDir, adminPassword, log, jvmOptions, Map.of());
    }

    private static AppProcess start(Path dataDir, String adminPassword, Path log, List<String> jvmOptions,
                                    Map<String, String> environment) {
        String jar = System.getProperty("app.jar");
        if (jar == null) {
            throw new IllegalStateException("app.jar is not set: run this test with failsafe (mvn verify)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1",
                "--assessment.storage.data-dir=" + dataDir, "--assessment.admin-password=" + adminPassword));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            AppProcess app = new AppProcess(process, port);
            app.awaitHealthy();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        ApiClient anonymous = new ApiClient(port, null, null);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue());
            }
            try {
                if (anonymous.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException("the application did not become healthy");
    }

    /** CPU time the application process has used so far (all its threads), for the benchmark's notes. */
    public java.time.Duration cpu() {
        return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly like a power cut for the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
