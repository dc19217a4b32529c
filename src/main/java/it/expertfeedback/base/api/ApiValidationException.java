package it.expertfeedback.base.api;

import java.util.Map;

/** Field-level validation failures found by a service, answered as 422 with the fields named. */
public class ApiValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public ApiValidationException(Map<String, String> errors) {
        super("Invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
