package it.expertfeedback.security;

import it.expertfeedback.base.audit.AuditActor;
import java.util.UUID;

/**
 * The AI assistant's backend calling with an API key: not a person, holds no account, never signs in to the UI.
 * The audit log names it by its key ("api-key:&lt;name&gt;").
 */
public record AssistantPrincipal(UUID keyId, String keyName) implements AuditActor {

    @Override
    public Integer userId() {
        return null;
    }

    @Override
    public String email() {
        return "api-key:" + keyName;
    }
}
