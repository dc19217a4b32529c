package it.expertfeedback.faq;

import java.util.UUID;

/** Another approved or pending question that looks like this one (trigram similarity 0..1). */
public record SimilarQuestion(UUID id, String question, String answer, CandidateStatus approvalStatus, double similarity) {
}
