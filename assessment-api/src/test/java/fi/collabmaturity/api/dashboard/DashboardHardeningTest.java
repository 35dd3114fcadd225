package fi.collabmaturity.api.dashboard;

import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' browser-facing hardening over real HTTP: a strict Content-Security-Policy (that the pages keep
 * to is checked in a real browser by DashboardTest's console checks), Referrer-Policy and Permissions-Policy, a
 * SameSite session cookie, redirects that never take their host from the request's Host header, and static
 * assets cached long and compressed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardHardeningTest {

    static final Path dataDir = TestData.freshFolder("dashboard-hardening");
    static final String CHART_JS = "/webjars/chart.js/4.4.9/dist/chart.umd.js";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "hardening-dash-admin");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pagesSendAStrictContentSecurityPolicyAReferrerPolicyAndAPermissionsPolicy() {
        ApiClient admin = new ApiClient(port, "admin", "hardening-dash-admin");
        for (ApiClient.Response page : List.of(new ApiClient(port, null, null).get("/login"),
                admin.get("/ui/studies"))) {
            assertThat(page.status()).isEqualTo(200);
            String csp = page.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "form-action 'self'");
            assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        }
    }

    @Test
    void wrongBasicCredentialsOnAPageAreSentToTheFormWithoutABasicChallenge() {
        ApiClient.Response page = new ApiClient(port, "admin", "not-the-password").get("/ui/studies");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/login");
        assertThat(page.header("WWW-Authenticate")).as("no Basic challenge for the browser to answer and cache")
                .isNull();
    }

    @Test
    void theSessionCookieIsSameSite() {
        Raw login = raw("GET /login HTTP/1.1", "Host: 127.0.0.1:" + port);
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly");
        assertThat(cookie.toLowerCase(Locale.ROOT)).contains("samesite=lax");
    }

    @Test
    void redirectsNeverTakeTheirHostFromTheHostHeader() {
        String evil = "Host: evil.example";
        Raw asked = raw("GET /ui/studies/some-study?lang=en HTTP/1.1", evil);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).isEqualTo("/login");
        String session = asked.header("Set-Cookie").split(";")[0];

        Raw form = raw("GET /login HTTP/1.1", evil, "Cookie: " + session);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as(form.body()).isTrue();
        String body = "username=admin&password=hardening-dash-admin&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        String wrong = body.replace("hardening-dash-admin", "wrong-password");
        Raw failed = raw("POST /login HTTP/1.1", evil, "Cookie: " + session,
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + wrong.length(), "", wrong);
        assertThat(failed.header("Location")).isEqualTo("/login?error");
        Raw signedIn = raw("POST /login HTTP/1.1", evil, "Cookie: " + session,
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + body.length(), "", body);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).as("back to the page asked for, as a path")
                .isEqualTo("/ui/studies/some-study?lang=en");


        String newSession = signedIn.header("Set-Cookie") == null ? session
                : signedIn.header("Set-Cookie").split(";")[0];
        Raw page = raw("GET /ui/studies HTTP/1.1", evil, "Cookie: " + newSession);
        Matcher logoutToken = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(logoutToken.find()).as(page.body()).isTrue();
        String logout = "_csrf=" + URLEncoder.encode(logoutToken.group(1), StandardCharsets.UTF_8);
        Raw out = raw("POST /logout HTTP/1.1", evil, "Cookie: " + newSession, "Accept: text/html",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + logout.length(), "", logout);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).isEqualTo("/login?logout");
    }

    @Test
    void chartJsIsCachedForAYearAndCompressed() throws IOException {
        HttpResponse<byte[]> chart = get(CHART_JS, "Accept-Encoding", "gzip");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000")
                .doesNotContain("no-store").doesNotContain("no-cache");
        assertThat(chart.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(chart.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).contains("Chart");
        assertThat(chart.body().length).isLessThan(unzipped.length / 2);
    }

    @Test
    void theDashboardsOwnAssetsAreLinkedByContentAndCachedForAYear() {
        String login = new ApiClient(port, null, null).get("/login").body();
        Matcher css = Pattern.compile("href=\"(/ui/assets/dashboard-[0-9a-f]{32}\\.css)\"").matcher(login);
        assertThat(css.find()).as(login).isTrue();
        HttpResponse<byte[]> sheet = get(css.group(1));
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000")
                .doesNotContain("no-store");
        assertThat(new ApiClient(port, "admin", "hardening-dash-admin").get("/api/v1/studies").header("Cache-Control"))
                .as("the API's answers are still never stored").contains("no-store");
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP/1.1 exchange written by hand, so that the Host header is the test's (HTTP clients set their own). */
    record Raw(int status, List<String> headers, String body) {

        String header(String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** Request line and header lines; an empty line followed by a body, if any. */
    Raw raw(String... lines) {
        StringBuilder request = new StringBuilder();
        String body = null;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                body = String.join("\r\n", List.of(lines).subList(i + 1, lines.length));
                break;
            }
            request.append(lines[i]).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        if (body != null) {
            request.append(body);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            String response = received.toString(StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, end).split("\r\n");
            List<String> headers = new ArrayList<>(List.of(head).subList(1, head.length));
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
