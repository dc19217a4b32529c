package it.expertfeedback.improvement;

import java.util.UUID;

/** What a submission hands over for a task: the feedback, its question, the AI answer and the expert's details. */
public record NewTask(UUID feedbackId, UUID expertId, String feedbackType, String question, String answer,
                      String additionalDetails) {
}
