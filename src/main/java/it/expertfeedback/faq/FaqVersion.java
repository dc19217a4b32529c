package it.expertfeedback.faq;

import java.time.Instant;
import java.util.List;

/** One published version of a FAQ (DOMAIN.md §5): its text, and who changed it when and why (null for version 1). */
public record FaqVersion(int version, String question, String answer, String suggestedCategory, List<String> suggestedTags,
                         List<String> regulatoryReferences, String reason, Integer editedBy, String editorName,
                         Instant editedAt) {
}
