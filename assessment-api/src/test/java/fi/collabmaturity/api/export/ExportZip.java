package fi.collabmaturity.api.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Fetches an export over real HTTP and opens the archive: its bytes, its files in archive order, its headers. */
public record ExportZip(int status, byte[] bytes, HttpResponse<byte[]> raw) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static ExportZip get(int port, String user, String password, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ExportZip(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The archive's files by name, in archive order, as raw bytes. */
    Map<String, byte[]> entries() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public String file(String name) {
        byte[] content = entries().get(name);
        if (content == null) {
            throw new AssertionError("no " + name + " in the archive: " + entries().keySet());
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + (bytes.length > 500 ? bytes.length + " bytes" : body());
    }
}
