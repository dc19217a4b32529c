package it.expertfeedback.base.validation;

import java.util.Arrays;
import java.util.List;

/**
 * What is wrong with one field, as a message-bundle key and its arguments, so the browser shows it in the
 * user's language and the REST API in English, from the same rule.
 */
public record FieldProblem(String messageKey, List<Object> args) {

    public static FieldProblem of(String messageKey, Object... args) {
        // The offending value itself may be an argument, and a client can send null ("credential_types":[null]):
        // it is shown as "null" rather than failing the whole answer with a NullPointerException.
        return new FieldProblem(messageKey, Arrays.stream(args).map(arg -> arg == null ? "null" : arg).toList());
    }

    public Object[] argsArray() {
        return args.toArray();
    }
}
