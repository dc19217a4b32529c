package it.expertfeedback.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key: role ASSISTANT and nothing else. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final AssistantPrincipal principal;

    ApiKeyAuthentication(AssistantPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.ASSISTANT)));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public AssistantPrincipal getPrincipal() {
        return principal;
    }
}
