package it.expertfeedback.inbox;

import it.expertfeedback.base.validation.FieldProblem;
import java.util.Map;
import java.util.UUID;

/** One item of a batch: {@code created}, {@code existing} or {@code rejected} with its field problems. */
public record BatchItemResult(int index, String result, UUID id, Map<String, FieldProblem> problems) {
}
