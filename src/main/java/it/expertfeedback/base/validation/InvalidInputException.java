package it.expertfeedback.base.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused its input: one problem per field (named as in the REST API, snake_case). Nothing was
 * written. Views show each message on its field; the API answers 422 with the same fields.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, FieldProblem> problems;

    public InvalidInputException(Map<String, FieldProblem> problems) {
        super("Invalid fields: " + problems.keySet());
        this.problems = new LinkedHashMap<>(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(Map.of(field, FieldProblem.of(messageKey, args)));
    }

    public Map<String, FieldProblem> problems() {
        return Map.copyOf(problems);
    }

    /** Throws when there is anything to report. */
    public static void throwIfAny(Map<String, FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
