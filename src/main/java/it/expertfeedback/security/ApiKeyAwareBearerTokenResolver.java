package it.expertfeedback.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The JWT resource server's view of the bearer header: API keys are not tokens, the API-key filter has them. */
final class ApiKeyAwareBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        return ApiKeyAuthenticationFilter.apiKeyOf(request) != null ? null : standard.resolve(request);
    }
}
