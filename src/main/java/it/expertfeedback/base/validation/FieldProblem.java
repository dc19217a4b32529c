package it.expertfeedback.base.validation;

import java.util.List;

/**
 * What is wrong with one field, as a message-bundle key and its arguments, so the browser shows it in the
 * user's language and the REST API in English, from the same rule.
 */
public record FieldProblem(String messageKey, List<Object> args) {

    public static FieldProblem of(String messageKey, Object... args) {
        return new FieldProblem(messageKey, List.of(args));
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
