package it.expertfeedback.faq;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question/answer pair proposed for the golden set (table {@code expert_faq_candidates}). */
@Entity
@Table(name = "expert_faq_candidates")
public class FaqCandidate {

    public static final String SOURCE_EXPERT_FEEDBACK = "expert_feedback";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "question", nullable = false, columnDefinition = "text")
    private String question;

    @Column(name = "answer", nullable = false, columnDefinition = "text")
    private String answer;

    @Column(name = "source", nullable = false, length = 20)
    private String source = SOURCE_EXPERT_FEEDBACK;

    @Column(name = "expert_id")
    private UUID expertId;

    @Column(name = "expert_trust_score")
    private Double expertTrustScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_status", length = 20)
    private CandidateStatus approvalStatus = CandidateStatus.pending;

    @Column(name = "approved_by")
    private Integer approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "suggested_category", length = 100)
    private String suggestedCategory;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "suggested_tags", columnDefinition = "text[]")
    private List<String> suggestedTags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "regulatory_references", columnDefinition = "text[]")
    private List<String> regulatoryReferences = new ArrayList<>();

    @Column(name = "frequency")
    private Integer frequency = 0;

    @Column(name = "estimated_monthly_savings", precision = 10, scale = 2)
    private BigDecimal estimatedMonthlySavings = BigDecimal.ZERO;

    @Column(name = "roi_score", precision = 10, scale = 2)
    private BigDecimal roiScore = BigDecimal.ZERO;

    @Column(name = "priority_score", precision = 10, scale = 2)
    private BigDecimal priorityScore = BigDecimal.ZERO;

    @Column(name = "normalized_question", columnDefinition = "text")
    private String normalizedQuestion;

    @Column(name = "confidence_score")
    private Double confidenceScore;

    @Column(name = "rejection_reason", columnDefinition = "text")
    private String rejectionReason;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "rejection_kind", columnDefinition = "rejection_kind")
    private RejectionKind rejectionKind;

    @Column(name = "auto_approved", nullable = false)
    private Boolean autoApproved = false;

    @Column(name = "published_version")
    private Integer publishedVersion;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "retired_by")
    private Integer retiredBy;

    @Column(name = "retirement_reason", columnDefinition = "text")
    private String retirementReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", insertable = false, updatable = false)
    private Instant updatedAt;

    protected FaqCandidate() {
    }

    public FaqCandidate(String question, String answer, UUID expertId, Double expertTrustScore) {
        this.question = question;
        this.answer = answer;
        this.expertId = expertId;
        this.expertTrustScore = expertTrustScore;
        this.frequency = 1;
    }

    public UUID getId() { return id; }
    public String getQuestion() { return question; }
    public String getAnswer() { return answer; }
    public String getSource() { return source; }
    public UUID getExpertId() { return expertId; }
    public Double getExpertTrustScore() { return expertTrustScore; }
    public CandidateStatus getApprovalStatus() { return approvalStatus; }
    public boolean isPending() { return approvalStatus == CandidateStatus.pending; }
    public Integer getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getSuggestedCategory() { return suggestedCategory; }
    public void setSuggestedCategory(String suggestedCategory) { this.suggestedCategory = suggestedCategory; }
    public List<String> getSuggestedTags() { return copyOf(suggestedTags); }
    public void setSuggestedTags(List<String> tags) { this.suggestedTags = new ArrayList<>(tags); }
    public List<String> getRegulatoryReferences() { return copyOf(regulatoryReferences); }
    public void setRegulatoryReferences(List<String> refs) { this.regulatoryReferences = new ArrayList<>(refs); }
    public int getFrequency() { return frequency == null ? 0 : frequency; }
    public BigDecimal getEstimatedMonthlySavings() { return estimatedMonthlySavings; }
    public BigDecimal getRoiScore() { return roiScore; }
    public BigDecimal getPriorityScore() { return priorityScore; }
    public void setPriorityScore(BigDecimal priorityScore) { this.priorityScore = priorityScore; }
    public String getNormalizedQuestion() { return normalizedQuestion; }
    public Double getConfidenceScore() { return confidenceScore; }
    public long getVersion() { return version; }

    /** A candidate proposed from one feedback (DOMAIN.md §5): frequency 1, pending, priority by formula. */
    static FaqCandidate proposed(FaqProposal proposal) {
        FaqCandidate candidate = new FaqCandidate(proposal.question(), proposal.answer(), proposal.expertId(),
                proposal.expertTrustScore());
        candidate.normalizedQuestion = QuestionNormalizer.normalize(proposal.question());
        candidate.confidenceScore = proposal.confidenceScore();
        candidate.suggestedCategory = proposal.suggestedCategory();
        candidate.regulatoryReferences = new ArrayList<>(proposal.regulatoryReferences());
        candidate.priorityScore = Priority.of(proposal.confidenceScore(), proposal.expertTrustScore(), 1);
        return candidate;
    }

    /** Another feedback asked the same question: one more occurrence, priority follows. */
    void absorbAnotherOccurrence() {
        frequency = getFrequency() + 1;
        double confidence = confidenceScore == null ? 0.0 : confidenceScore;
        double trust = expertTrustScore == null ? 0.0 : expertTrustScore;
        priorityScore = Priority.of(confidence, trust, frequency);
    }

    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** A decision is final: only a pending candidate can be approved or rejected. */
    void approve(Integer reviewerUserId, Instant when) {
        requirePending();
        this.approvalStatus = CandidateStatus.approved;
        this.approvedBy = reviewerUserId;
        this.approvedAt = when;
        // The published text is version 1 (V15's trigger records it); merged feedback often repeats a reference.
        this.publishedVersion = 1;
        this.regulatoryReferences = new ArrayList<>(References.distinct(getRegulatoryReferences()));
    }

    /** Approved by the rule of §5, not by a person: approved_by stays NULL. */
    void autoApprove(Instant when) {
        approve(null, when);
        this.autoApproved = true;
    }

    /** The reviewer's corrections, applied just before approving. */
    void edit(FaqEdit edit) {
        requirePending();
        this.question = edit.question();
        this.normalizedQuestion = QuestionNormalizer.normalize(edit.question());
        this.answer = edit.answer();
        this.suggestedCategory = edit.suggestedCategory();
        this.suggestedTags = new ArrayList<>(edit.suggestedTags());
        this.regulatoryReferences = new ArrayList<>(edit.regulatoryReferences());
    }

    void reject(Integer reviewerUserId, Instant when, String reason, RejectionKind kind) {
        requirePending();
        this.approvalStatus = CandidateStatus.rejected;
        this.approvedBy = reviewerUserId;
        this.approvedAt = when;
        this.rejectionReason = reason;
        this.rejectionKind = kind;
    }

    /** A reviewer's edit of a published FAQ: the next version (DOMAIN.md §5); a retired FAQ stays as it was. */
    void editPublished(FaqEdit edit) {
        requireLive();
        this.question = edit.question();
        this.normalizedQuestion = QuestionNormalizer.normalize(edit.question());
        this.answer = edit.answer();
        this.suggestedCategory = edit.suggestedCategory();
        this.suggestedTags = new ArrayList<>(edit.suggestedTags());
        this.regulatoryReferences = new ArrayList<>(References.distinct(edit.regulatoryReferences()));
        this.publishedVersion = getPublishedVersion() + 1;
    }

    /** Retired: the assistant must stop serving it; the row and its versions stay for the record. */
    void retire(Integer reviewerUserId, Instant when, String reason) {
        requireLive();
        this.retiredAt = when;
        this.retiredBy = reviewerUserId;
        this.retirementReason = reason;
    }

    /** Published and not retired: the only state a reviewer can edit or retire. */
    public boolean isLive() { return approvalStatus == CandidateStatus.approved && retiredAt == null; }
    public int getPublishedVersion() { return publishedVersion == null ? 0 : publishedVersion; }
    public Instant getRetiredAt() { return retiredAt; }
    public Integer getRetiredBy() { return retiredBy; }
    public String getRetirementReason() { return retirementReason; }

    private void requireLive() {
        if (!isLive()) {
            throw new IllegalStateException("Candidate " + id + " is not a published FAQ");
        }
    }

    public String getRejectionReason() { return rejectionReason; }
    public RejectionKind getRejectionKind() { return rejectionKind; }
    public boolean isAutoApproved() { return Boolean.TRUE.equals(autoApproved); }

    private void requirePending() {
        if (!isPending()) {
            throw new IllegalStateException("Candidate " + id + " is already " + approvalStatus);
        }
    }

    /** The seed's array columns are nullable (another client may store NULL rather than '{}'): read as empty. */
    private static List<String> copyOf(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
