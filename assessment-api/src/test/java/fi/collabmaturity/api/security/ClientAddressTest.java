package fi.collabmaturity.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address the throttle counts: forwarded headers only from trusted proxies, never the client's own claim. */
class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheForwardedHeadersAreIgnored() {
        ClientAddress addresses = new ClientAddress("");
        assertThat(addresses.of(from("198.51.100.9", "X-Forwarded-For", "10.0.0.1"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("198.51.100.9", "Forwarded", "for=10.0.0.1"))).isEqualTo("198.51.100.9");
    }

    @Test
    void aClientConnectingDirectlyCannotClaimAnAddress() {
        ClientAddress addresses = new ClientAddress("10.0.0.0/8");
        assertThat(addresses.of(from("198.51.100.9", "X-Forwarded-For", "203.0.113.1"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastAddressBeforeThem() {
        ClientAddress addresses = new ClientAddress("10.0.0.5, 10.1.0.0/16");
        // the client wrote 1.2.3.4 itself; the outer proxy 10.1.2.3 appended the address it was connected from
        assertThat(addresses.of(from("10.0.0.5", "X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", "X-Forwarded-For", "1.2.3.4", "X-Forwarded-For", "203.0.113.7:5123")))
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5",
                "Forwarded", "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.5")))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(addresses.of(from("10.0.0.5"))).as("no header: the proxy itself").isEqualTo("10.0.0.5");
        assertThat(addresses.of(from("10.0.0.5", "X-Forwarded-For", "10.1.0.1")))
                .as("only proxies: the first").isEqualTo("10.1.0.1");
    }
}
