package it.expertfeedback.improvement;

import java.util.UUID;

/** An expert who has improvement tasks (the view's expert filter). */
public record TaskExpert(UUID expertId, String displayName) {
}
