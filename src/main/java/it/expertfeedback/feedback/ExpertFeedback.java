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
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One expert's verdict on one AI answer (table {@code expert_feedback}). */
// Only changed columns are written: an adopted row's label outside our enums (DOMAIN.md §11) is never re-cast.
@Entity
@DynamicUpdate
@Table(name = "expert_feedback")
public class ExpertFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "query_id", nullable = false, updatable = false)
    private UUID queryId;

    @Column(name = "expert_id", nullable = false, updatable = false)
    private UUID expertId;

    // Stored codes as text: the assistant's VARCHAR columns may hold labels outside our enums, which must read as
    // "unknown" instead of failing the row (DOMAIN.md §11); on our schema PostgreSQL still refuses an unknown code.
    @Column(name = "feedback_type", columnDefinition = "feedback_type", nullable = false)
    @ColumnTransformer(read = "feedback_type::text", write = "?::feedback_type")
    private String feedbackType;

    @Column(name = "category", columnDefinition = "italian_feedback_category")
    @ColumnTransformer(read = "category::text", write = "?::italian_feedback_category")
    private String category;

    /** Set by ./efs adopt on the older of duplicate (expert, query_id) rows (V17): kept, out of the metrics. */
    @Column(name = "superseded_at", insertable = false, updatable = false)
    private Instant supersededAt;

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

    // The original system's task tracking (V16, DOMAIN.md §9).
    @Column(name = "generated_task_id", length = 50)
    private String generatedTaskId;

    @Column(name = "task_creation_attempted")
    private Boolean taskCreationAttempted = false;

    @Column(name = "task_creation_success")
    private Boolean taskCreationSuccess;

    @Column(name = "task_creation_error", columnDefinition = "text")
    private String taskCreationError;

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
        this.feedbackType = feedbackType.code();
        this.queryText = queryText;
        this.originalAnswer = originalAnswer;
        this.timeSpentSeconds = timeSpentSeconds;
        this.feedbackTimestamp = feedbackTimestamp;
    }

    public UUID getId() { return id; }
    public UUID getQueryId() { return queryId; }
    public UUID getExpertId() { return expertId; }
    /** Empty-handed (null) for a stored label outside our verdicts: see {@link #getFeedbackTypeCode()}. */
    public FeedbackType getFeedbackType() { return FeedbackType.fromCode(feedbackType).orElse(null); }
    public String getFeedbackTypeCode() { return feedbackType; }
    /** Null without a category and for a stored label outside ours ({@link #getCategoryCode()} tells them apart). */
    public FeedbackCategory getCategory() { return FeedbackCategory.fromCode(category).orElse(null); }
    public String getCategoryCode() { return category; }
    public void setCategory(FeedbackCategory category) { this.category = category == null ? null : category.code(); }
    public boolean isSuperseded() { return supersededAt != null; }
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
    public String getGeneratedTaskId() { return generatedTaskId; }
    public boolean isTaskCreationAttempted() { return Boolean.TRUE.equals(taskCreationAttempted); }
    public Boolean getTaskCreationSuccess() { return taskCreationSuccess; }
    public String getTaskCreationError() { return taskCreationError; }
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

    /**
     * What the submission led to, in the original's terms: its action code, and whether a candidate or a task was
     * made (both are made in the submission's transaction, so an attempt that is stored also succeeded).
     */
    void recordOutcome(String actionTaken, boolean attempted, String taskId) {
        this.actionTaken = actionTaken;
        this.taskCreationAttempted = attempted;
        this.taskCreationSuccess = attempted ? Boolean.TRUE : null;
        this.generatedTaskId = taskId;
    }

    /**
     * Whether a resubmission carries exactly this feedback (a client's retry), compared as it was stored. For inbox
     * work the stored time is the server's measure, not what the client typed (§8), so {@code timeMeasured} leaves
     * the time out of the comparison; everywhere else the typed time is part of the feedback.
     */
    boolean sameAs(FeedbackSubmission s, boolean timeMeasured) {
        String categoryCode = s.categoryOrNull() == null ? null : s.categoryOrNull().code();
        return getFeedbackType() == s.type() && Objects.equals(category, categoryCode)
                && Objects.equals(queryText, s.queryText().strip()) && Objects.equals(originalAnswer, s.originalAnswer())
                && Objects.equals(expertAnswer, s.expertAnswer())
                && getImprovementSuggestions().equals(s.improvementSuggestions())
                && getRegulatoryReferences().equals(s.regulatoryReferences())
                && Objects.equals(confidenceScore, s.confidenceScore())
                && (timeMeasured || Objects.equals(timeSpentSeconds, s.timeSpentSeconds()))
                && Objects.equals(complexityRating, s.complexityRating())
                && Objects.equals(additionalDetails, s.additionalDetails())
                && Objects.equals(suggestedCategory, s.suggestedCategory());
    }

    /** A new row from a validated, normalized submission. */
    static ExpertFeedback from(FeedbackSubmission s, UUID expertId, Instant now) {
        ExpertFeedback feedback = new ExpertFeedback(s.queryId(), expertId, s.type(), s.queryText().strip(),
                s.originalAnswer(), s.timeSpentSeconds(), now);
        feedback.setCategory(s.categoryOrNull());
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
