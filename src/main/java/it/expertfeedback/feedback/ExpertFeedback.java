package it.expertfeedback.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One expert's verdict on one AI answer (table {@code expert_feedback}). */
@Entity
@Table(name = "expert_feedback")
public class ExpertFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "query_id", nullable = false, updatable = false)
    private UUID queryId;

    @Column(name = "expert_id", nullable = false, updatable = false)
    private UUID expertId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "feedback_type", columnDefinition = "feedback_type", nullable = false)
    private FeedbackType feedbackType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "category", columnDefinition = "italian_feedback_category")
    private FeedbackCategory category;

    @Column(name = "query_text", nullable = false, columnDefinition = "text")
    private String queryText;

    @Column(name = "original_answer", nullable = false, columnDefinition = "text")
    private String originalAnswer;

    @Column(name = "expert_answer", columnDefinition = "text")
    private String expertAnswer;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "improvement_suggestions", columnDefinition = "text[]")
    private List<String> improvementSuggestions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regulatory_references", columnDefinition = "text[]")
    private List<String> regulatoryReferences = new ArrayList<>();

    @Column(name = "confidence_score")
    private Double confidenceScore = 0.0;

    @Column(name = "time_spent_seconds", nullable = false)
    private Integer timeSpentSeconds;

    @Column(name = "complexity_rating")
    private Integer complexityRating;

    @Column(name = "processing_time_ms")
    private Integer processingTimeMs;

    @Column(name = "feedback_timestamp")
    private Instant feedbackTimestamp;

    @Column(name = "action_taken", length = 100)
    private String actionTaken;

    @Column(name = "improvement_applied")
    private Boolean improvementApplied = false;

    @Column(name = "additional_details", columnDefinition = "text")
    private String additionalDetails;

    @Column(name = "suggested_category", length = 100)
    private String suggestedCategory;

    @Column(name = "expert_trust_score")
    private Double expertTrustScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_verdict", length = 20)
    private ReviewVerdict reviewVerdict;

    /** The reviewer's optional word to the expert on a direct judgement (DOMAIN.md §3), shown in the detail. */
    @Column(name = "review_comment", columnDefinition = "text")
    private String reviewComment;

    @Column(name = "reviewed_by")
    private Integer reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", insertable = false, updatable = false)
    private Instant updatedAt;

    protected ExpertFeedback() {
    }

    public ExpertFeedback(UUID queryId, UUID expertId, FeedbackType feedbackType, String queryText,
                          String originalAnswer, int timeSpentSeconds, Instant feedbackTimestamp) {
        this.queryId = queryId;
        this.expertId = expertId;
        this.feedbackType = feedbackType;
        this.queryText = queryText;
        this.originalAnswer = originalAnswer;
        this.timeSpentSeconds = timeSpentSeconds;
        this.feedbackTimestamp = feedbackTimestamp;
    }

    public UUID getId() { return id; }
    public UUID getQueryId() { return queryId; }
    public UUID getExpertId() { return expertId; }
    public FeedbackType getFeedbackType() { return feedbackType; }
    public FeedbackCategory getCategory() { return category; }
    public void setCategory(FeedbackCategory category) { this.category = category; }
    public String getQueryText() { return queryText; }
    public String getOriginalAnswer() { return originalAnswer; }
    public String getExpertAnswer() { return expertAnswer; }
    public void setExpertAnswer(String expertAnswer) { this.expertAnswer = expertAnswer; }
    public List<String> getImprovementSuggestions() { return copyOf(improvementSuggestions); }
    public void setImprovementSuggestions(List<String> items) { this.improvementSuggestions = new ArrayList<>(items); }
    public List<String> getRegulatoryReferences() { return copyOf(regulatoryReferences); }
    public void setRegulatoryReferences(List<String> items) { this.regulatoryReferences = new ArrayList<>(items); }
    public double getConfidenceScore() { return confidenceScore == null ? 0.0 : confidenceScore; }
    public void setConfidenceScore(double confidenceScore) { this.confidenceScore = confidenceScore; }
    public int getTimeSpentSeconds() { return timeSpentSeconds; }
    public Integer getComplexityRating() { return complexityRating; }
    public void setComplexityRating(Integer complexityRating) { this.complexityRating = complexityRating; }
    public Integer getProcessingTimeMs() { return processingTimeMs; }
    public void setProcessingTimeMs(Integer processingTimeMs) { this.processingTimeMs = processingTimeMs; }
    public Instant getFeedbackTimestamp() { return feedbackTimestamp; }
    public String getActionTaken() { return actionTaken; }
    public void setActionTaken(String actionTaken) { this.actionTaken = actionTaken; }
    public boolean isImprovementApplied() { return Boolean.TRUE.equals(improvementApplied); }
    public void markImprovementApplied() { this.improvementApplied = true; }
    public String getAdditionalDetails() { return additionalDetails; }
    public String getSuggestedCategory() { return suggestedCategory; }
    public Double getExpertTrustScore() { return expertTrustScore; }
    void recordTrustAtSubmission(double trust) { this.expertTrustScore = trust; }
    public ReviewVerdict getReviewVerdict() { return reviewVerdict; }
    public String getReviewComment() { return reviewComment; }
    public Integer getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public long getVersion() { return version; }

    /** A reviewer's judgement; it may be changed later, the audit log keeps every change. */
    void judge(ReviewVerdict verdict, Integer reviewerId, Instant when, String comment) {
        this.reviewComment = comment;
        judge(verdict, reviewerId, when);
    }

    void judge(ReviewVerdict verdict, Integer reviewerId, Instant when) {
        this.reviewVerdict = verdict;
        this.reviewedBy = reviewerId;
        this.reviewedAt = when;
    }

    void setImprovementApplied(boolean applied) { this.improvementApplied = applied; }

    /** A new row from a validated, normalized submission. */
    static ExpertFeedback from(FeedbackSubmission s, UUID expertId, Instant now) {
        ExpertFeedback feedback = new ExpertFeedback(s.queryId(), expertId, s.type(), s.queryText().strip(),
                s.originalAnswer(), s.timeSpentSeconds(), now);
        feedback.category = s.categoryOrNull();
        feedback.expertAnswer = s.expertAnswer();
        feedback.improvementSuggestions = new ArrayList<>(s.improvementSuggestions());
        feedback.regulatoryReferences = new ArrayList<>(s.regulatoryReferences());
        feedback.confidenceScore = s.confidenceScore();
        feedback.complexityRating = s.complexityRating();
        feedback.additionalDetails = s.additionalDetails();
        feedback.suggestedCategory = s.suggestedCategory();
        return feedback;
    }

    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** The seed's array columns are nullable (another client may store NULL rather than '{}'): read as empty. */
    private static List<String> copyOf(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
