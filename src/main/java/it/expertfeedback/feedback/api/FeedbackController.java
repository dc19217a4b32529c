package it.expertfeedback.feedback.api;

import it.expertfeedback.base.api.OffsetPageRequest;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.feedback.ExpertFeedback;
import it.expertfeedback.feedback.FeedbackDetails;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackSubmission;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.feedback.SubmissionResult;
import it.expertfeedback.security.AppRoles;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assistant's feedback API (DOMAIN.md §7), field names as in the original system. The rules are the
 * service's, the same the form uses.
 */
@RestController
@RequestMapping("/api/v1/expert-feedback")
@PreAuthorize(AppRoles.IS_AUTHENTICATED)
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/submit")
    ResponseEntity<SubmitResponse> submit(@RequestBody SubmitRequest request) {
        SubmissionResult result = feedback.submit(request.toSubmission());
        String message = result.candidateId() == null ? "Feedback recorded."
                : result.candidateCreated() ? "Feedback recorded; a new FAQ candidate was proposed."
                : "Feedback recorded; it joined an existing FAQ candidate (frequency " + result.candidateFrequency() + ").";
        return ResponseEntity.created(URI.create("/api/v1/expert-feedback/" + result.feedbackId()))
                .body(new SubmitResponse(result.feedbackId(), result.feedbackType().code(), result.expertTrustScore(),
                        false, null, result.candidateId(), message));
    }

    @GetMapping("/history")
    HistoryResponse history(@RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset,
                            @RequestParam(name = "feedback_type", required = false) String feedbackType) {
        FeedbackType type = null;
        if (feedbackType != null && !feedbackType.isEmpty()) {
            type = FeedbackType.fromCode(feedbackType).orElseThrow(() -> InvalidInputException.of("feedback_type",
                    "validation.one-of", "correct, incomplete, incorrect"));
        }
        int size = Math.clamp(limit, 1, 100);
        int start = Math.max(offset, 0);
        Page<ExpertFeedback> page = feedback.myHistory(type, new OffsetPageRequest(start, size, Sort.unsorted()));
        return new HistoryResponse(page.getTotalElements(), size, start,
                page.getContent().stream().map(FeedbackItem::of).toList());
    }

    @GetMapping("/{id}")
    FeedbackItem get(@PathVariable UUID id) {
        FeedbackDetails details = feedback.getDetails(id);
        return FeedbackItem.of(details.feedback());
    }

    record SubmitRequest(UUID queryId, String feedbackType, String category, String queryText, String originalAnswer,
                         String expertAnswer, List<String> improvementSuggestions, List<String> regulatoryReferences,
                         Double confidenceScore, Integer timeSpentSeconds, Integer complexityRating,
                         String additionalDetails, String suggestedCategory) {
        FeedbackSubmission toSubmission() {
            return new FeedbackSubmission(queryId, feedbackType, category, queryText, originalAnswer, expertAnswer,
                    improvementSuggestions, regulatoryReferences, confidenceScore, timeSpentSeconds, complexityRating,
                    additionalDetails, suggestedCategory);
        }
    }

    record SubmitResponse(UUID feedbackId, String feedbackType, double expertTrustScore, boolean taskCreationAttempted,
                          String generatedTaskId, UUID generatedFaqId, String message) {
    }

    record HistoryResponse(long totalCount, int limit, int offset, List<FeedbackItem> items) {
    }

    record FeedbackItem(UUID id, UUID queryId, UUID expertId, String feedbackType, String category, String queryText,
                        String originalAnswer, String expertAnswer, List<String> improvementSuggestions,
                        List<String> regulatoryReferences, double confidenceScore, int timeSpentSeconds,
                        Integer complexityRating, String additionalDetails, String suggestedCategory,
                        Instant feedbackTimestamp, boolean improvementApplied, String reviewVerdict,
                        Double expertTrustScore) {
        static FeedbackItem of(ExpertFeedback f) {
            // The stored codes as they are: an adopted row may hold a label outside ours (DOMAIN.md §11).
            return new FeedbackItem(f.getId(), f.getQueryId(), f.getExpertId(), f.getFeedbackTypeCode(),
                    f.getCategoryCode(), f.getQueryText(), f.getOriginalAnswer(),
                    f.getExpertAnswer(), f.getImprovementSuggestions(), f.getRegulatoryReferences(),
                    f.getConfidenceScore(), f.getTimeSpentSeconds(), f.getComplexityRating(), f.getAdditionalDetails(),
                    f.getSuggestedCategory(), f.getFeedbackTimestamp(), f.isImprovementApplied(),
                    f.getReviewVerdict() == null ? null : f.getReviewVerdict().name(), f.getExpertTrustScore());
        }
    }
}
