package fi.collabmaturity.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import fi.collabmaturity.api.support.ApiClient;
import fi.collabmaturity.api.support.Slice;
import fi.collabmaturity.api.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OIDC mode against a real (if tiny) identity provider on loopback: it publishes a discovery document and its
 * public key, and the test signs tokens with the private key the way the provider would. The application finds the
 * key through discovery, checks signature, issuer and expiry, takes the user and the roles from the claims, and
 * enforces study membership for token users exactly as for built-in accounts; Basic auth keeps working beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcResourceServerTest {

    static final Path dataDir = TestData.freshFolder("oidc");
    static final RSAKey providerKey = newKey("provider");
    static final RSAKey strangerKey = newKey("provider"); // same key id, different key: a forgery
    static final HttpServer provider = startProvider();
    static final String issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/research";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("assessment.storage.data-dir", dataDir::toString);
        registry.add("assessment.admin-password", () -> "oidc-admin-pw");
        registry.add("assessment.security.oidc.issuer-uri", () -> issuer);
        registry.add("assessment.security.oidc.roles-claim", () -> "realm_access.roles");
    }

    @LocalServerPort
    int port;

    @AfterAll
    void stop() {
        provider.stop(0);
    }

    static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer startProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/research/.well-known/openid-configuration", exchange -> {
                String self = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/research";
                byte[] body = ("{\"issuer\":\"" + self + "\",\"jwks_uri\":\"" + self + "/certs\","
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/realms/research/certs", exchange -> {
                byte[] body = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(RSAKey key, String iss, String user, List<String> roles, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject("sub-" + user)
                .claim("preferred_username", user).claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    String valid(String user, String... roles) throws JOSEException {
        return token(providerKey, issuer, user, List.of(roles), Instant.now().plusSeconds(300));
    }

    HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tokenUsersGetTheirRolesAndStudyMembershipIsEnforced() throws JOSEException {
        String oona = valid("oona", "researcher", "offline_access");
        HttpResponse<String> created = call("POST", "/api/v1/studies", oona, Slice.study("oidc-study"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> read = call("GET", "/api/v1/studies/oidc-study", oona, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"oona\"");

        String other = valid("pekka", "RESEARCHER");
        assertThat(call("GET", "/api/v1/studies/oidc-study", other, null).statusCode())
                .as("a researcher who is not a member learns nothing").isEqualTo(404);
        assertThat(call("POST", "/api/v1/studies/oidc-study/members", oona,
                "{\"username\":\"veera\",\"role\":\"VIEWER\"}").statusCode()).isEqualTo(201);
        String veera = valid("veera", "ROLE_VIEWER");
        assertThat(call("GET", "/api/v1/studies/oidc-study", veera, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/studies/oidc-study/waves", veera, Slice.wave("w1")).statusCode())
                .as("a viewer reads but does not record").isEqualTo(403);
        assertThat(call("POST", "/api/v1/studies", valid("nobody", "guest"), Slice.study("x")).statusCode())
                .as("a token without any of our roles may not create studies").isEqualTo(403);
        assertThat(call("GET", "/api/v1/accounts", oona, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/accounts", valid("aino", "admin"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() throws JOSEException {
        String forged = token(strangerKey, issuer, "mallory", List.of("ADMIN"), Instant.now().plusSeconds(300));
        String expired = token(providerKey, issuer, "oona", List.of("ADMIN"), Instant.now().minusSeconds(600));
        String foreign = token(providerKey, "http://127.0.0.1:1/realms/other", "oona", List.of("ADMIN"),
                Instant.now().plusSeconds(300));
        for (String bad : List.of(forged, expired, foreign, "not.a.jwt")) {
            HttpResponse<String> response = call("GET", "/api/v1/accounts", bad, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void builtInAccountsStillSignInWithBasic() {
        ApiClient admin = new ApiClient(port, "admin", "oidc-admin-pw");
        assertThat(admin.get("/api/v1/accounts").status()).isEqualTo(200);
        assertThat(admin.as("admin", "wrong").get("/api/v1/accounts").status()).isEqualTo(401);
    }

    @Test
    void rolesAreReadFromADottedClaimPathAndOnlyOurRolesAreTaken() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("viewer", "uma_authorization")),
                "groups", "researcher admin");
        assertThat(OidcTokens.roles(claims, "realm_access.roles")).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
        assertThat(OidcTokens.roles(claims, "groups")).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_RESEARCHER", "ROLE_ADMIN");
        assertThat(OidcTokens.roles(claims, "missing.path")).isEmpty();
    }
}
