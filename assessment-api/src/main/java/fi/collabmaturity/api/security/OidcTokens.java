package fi.collabmaturity.api.security;

import fi.collabmaturity.account.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optional OIDC mode: when an issuer is configured, the API also accepts bearer JWTs signed by that identity
 * provider (a university's or a county's), found through its discovery document. The user is the token's
 * {@code username-claim} (study membership is by that name, as for built-in accounts) and the roles come from
 * {@code roles-claim}, which may be a dotted path such as Keycloak's {@code realm_access.roles}. Only the three
 * roles of this application are taken; anything else in the claim is ignored.
 */
@Component
public class OidcTokens {

    private final String issuer;
    private final String rolesClaim;
    private final String usernameClaim;

    public OidcTokens(@Value("${assessment.security.oidc.issuer-uri:}") String issuer,
                      @Value("${assessment.security.oidc.roles-claim:roles}") String rolesClaim,
                      @Value("${assessment.security.oidc.username-claim:preferred_username}") String usernameClaim) {
        this.issuer = issuer == null ? "" : issuer.strip();
        this.rolesClaim = rolesClaim;
        this.usernameClaim = usernameClaim;
    }

    public boolean enabled() {
        return !issuer.isEmpty();
    }

    /**
     * Discovers the provider's keys on first use rather than at start, so that the application starts (and
     * Basic accounts keep working) while the identity provider is briefly unreachable. The decoder checks the
     * signature, the expiry and that {@code iss} is the configured issuer.
     */
    JwtDecoder decoder() {
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
    }

    /**
     * Its own authentication manager: the API chain's manager knows only the built-in accounts, and bearer tokens
     * must never be checked against those (nor count towards their failed-login limit).
     */
    public AuthenticationManager authenticationManager() {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder());
        provider.setJwtAuthenticationConverter(authentication());
        return new ProviderManager(provider);
    }

    Converter<Jwt, AbstractAuthenticationToken> authentication() {
        return jwt -> {
            String name = Optional.ofNullable(jwt.getClaimAsString(usernameClaim)).filter(s -> !s.isBlank())
                    .orElse(jwt.getSubject());
            return new JwtAuthenticationToken(jwt, roles(jwt.getClaims(), rolesClaim), name);
        };
    }

    static Collection<GrantedAuthority> roles(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(part);
        }
        List<String> given = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> given.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            given.addAll(List.of(text.split("[ ,]+"))); // some providers send a space-separated string
        }
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        for (String role : given) {
            String upper = role.strip().toUpperCase(Locale.ROOT);
            String bare = upper.startsWith("ROLE_") ? upper.substring(5) : upper;
            if (Roles.ALL.contains(bare)) {
                roles.add(new SimpleGrantedAuthority("ROLE_" + bare));
            }
        }
        return List.copyOf(roles);
    }
}
