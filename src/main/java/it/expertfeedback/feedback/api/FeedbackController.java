package it.expertfeedback.feedback.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import it.expertfeedback.base.api.OffsetPageRequest;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.faq.CandidateStatus;
import it.expertfeedback.faq.ProposalOutcome;
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
import java.util.Map;
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

    /** The original client's text; what the submission led to is in action_taken and the ids. */
    static final String SUBMITTED = "Feedback submitted successfully";

    @PostMapping("/submit")
    @ApiResponse(responseCode = "201", description = "Stored; Location names the new feedback")
    @ApiResponse(responseCode = "200", description = "An identical retry: the first submission's result")
    ResponseEntity<SubmitResponse> submit(@RequestBody SubmitRequest request) {
        SubmissionResult result = feedback.submit(request.toSubmission());
        SubmitResponse body = new SubmitResponse(result.feedbackId(), result.feedbackType().code(),
                result.expertTrustScore(), result.taskCreationAttempted(), result.generatedTaskId(),
                result.generatedFaqId(), result.actionTaken(), SUBMITTED);
        // A retry of the very same submission is answered like the first one, as 200: nothing new was created.
        return result.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/expert-feedback/" + result.feedbackId())).body(body);
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
        Map<UUID, UUID> published = feedback.publishedFaqIds(page.getContent().stream().map(ExpertFeedback::getId).toList());
        return new HistoryResponse(page.getTotalElements(), size, start,
                page.getContent().stream().map(f -> FeedbackItem.of(f, published.get(f.getId()))).toList());
    }

    @GetMapping("/{id}")
    FeedbackItem get(@PathVariable UUID id) {
        FeedbackDetails details = feedback.getDetails(id);
        UUID published = details.candidate().filter(c -> c.approvalStatus() == CandidateStatus.approved)
                .map(ProposalOutcome::candidateId).orElse(null);
        return FeedbackItem.of(details.feedback(), published);
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
                          String generatedTaskId, UUID generatedFaqId, String actionTaken, String message) {
    }

    record HistoryResponse(long totalCount, int limit, int offset, List<FeedbackItem> items) {
    }

    record FeedbackItem(UUID id, UUID queryId, UUID expertId, String feedbackType, String category, String queryText,
                        String originalAnswer, String expertAnswer, List<String> improvementSuggestions,
                        List<String> regulatoryReferences, double confidenceScore, int timeSpentSeconds,
                        Integer complexityRating, String additionalDetails, String suggestedCategory,
                        Instant feedbackTimestamp, boolean improvementApplied, String reviewVerdict,
                        Double expertTrustScore, String actionTaken, boolean taskCreationAttempted,
                        Boolean taskCreationSuccess, String taskCreationError, String generatedTaskId,
                        UUID generatedFaqId) {
        static FeedbackItem of(ExpertFeedback f, UUID publishedFaqId) {
            // The stored codes as they are: an adopted row may hold a label outside ours (DOMAIN.md §11).
            return new FeedbackItem(f.getId(), f.getQueryId(), f.getExpertId(), f.getFeedbackTypeCode(),
                    f.getCategoryCode(), f.getQueryText(), f.getOriginalAnswer(),
                    f.getExpertAnswer(), f.getImprovementSuggestions(), f.getRegulatoryReferences(),
                    f.getConfidenceScore(), f.getTimeSpentSeconds(), f.getComplexityRating(), f.getAdditionalDetails(),
                    f.getSuggestedCategory(), f.getFeedbackTimestamp(), f.isImprovementApplied(),
                    f.getReviewVerdict() == null ? null : f.getReviewVerdict().name(), f.getExpertTrustScore(),
                    f.getActionTaken(), f.isTaskCreationAttempted(), f.getTaskCreationSuccess(),
                    f.getTaskCreationError(), f.getGeneratedTaskId(), publishedFaqId);
        }
    }
}
