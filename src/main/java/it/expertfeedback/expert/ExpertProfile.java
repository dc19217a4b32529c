package it.expertfeedback.expert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An expert's professional profile and the metrics behind the trust score (table {@code expert_profiles}). */
@Entity
@Table(name = "expert_profiles")
public class ExpertProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "user_id", nullable = false, unique = true, updatable = false)
    private Integer userId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "credentials", columnDefinition = "text[]")
    private List<String> credentials = new ArrayList<>();

    // Hibernate cannot bind a Java enum list to a PostgreSQL enum array natively, so the codes travel as
    // text[] and efs_credential_types (V17) casts them to the column's own type: expert_credential_type[] on our
    // schema (an unknown code is refused), VARCHAR[] on the assistant's, whose labels outside the enum are kept.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "credential_types", columnDefinition = "expert_credential_type[]")
    @ColumnTransformer(read = "credential_types::text[]", write = "efs_credential_types(?::text[])")
    private List<String> credentialTypeCodes = new ArrayList<>();

    @Column(name = "experience_years")
    private Integer experienceYears = 0;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "specializations", columnDefinition = "text[]")
    private List<String> specializations = new ArrayList<>();

    @Column(name = "feedback_count")
    private Integer feedbackCount = 0;

    @Column(name = "feedback_accuracy_rate")
    private Double feedbackAccuracyRate = 0.0;

    @Column(name = "average_response_time_seconds")
    private Integer averageResponseTimeSeconds = 0;

    @Column(name = "trust_score")
    private Double trustScore = 0.5;

    @Column(name = "professional_registration_number", length = 50)
    private String professionalRegistrationNumber;

    @Column(name = "organization", length = 200)
    private String organization;

    @Column(name = "location_city", length = 100)
    private String locationCity;

    @Column(name = "is_verified")
    private Boolean verified = false;

    @Column(name = "verification_date")
    private Instant verificationDate;

    @Column(name = "verified_by")
    private Integer verifiedBy;

    @Column(name = "is_active")
    private Boolean active = true;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Metrics still as the assistant computed them (V17): our first recompute is audited with before/after. */
    @Column(name = "adopted_metrics_pending", nullable = false)
    private boolean adoptedMetricsPending;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", insertable = false, updatable = false)
    private Instant updatedAt;

    protected ExpertProfile() {
    }

    public ExpertProfile(Integer userId) {
        this.userId = userId;
    }

    public UUID getId() { return id; }
    public Integer getUserId() { return userId; }

    public List<String> getCredentials() { return copyOf(credentials); }
    public void setCredentials(List<String> credentials) { this.credentials = new ArrayList<>(credentials); }

    /** The known credential types; a stored label outside them is in {@link #getOtherCredentialLabels()}. */
    public List<CredentialType> getCredentialTypes() {
        return copyOf(credentialTypeCodes).stream().flatMap(code -> CredentialType.parse(code).stream()).toList();
    }

    /** Stored labels that are no credential type of ours (an adopted database's {@code admin}): shown as "Altro". */
    public List<String> getOtherCredentialLabels() {
        return copyOf(credentialTypeCodes).stream().filter(code -> CredentialType.parse(code).isEmpty()).toList();
    }

    /** Sets the known types; labels outside them stay as they were stored (editing never drops the original's). */
    public void setCredentialTypes(List<CredentialType> types) {
        List<String> codes = new ArrayList<>(types.stream().distinct().map(CredentialType::code).toList());
        codes.addAll(getOtherCredentialLabels());
        this.credentialTypeCodes = codes;
    }

    public int getExperienceYears() { return experienceYears == null ? 0 : experienceYears; }
    public void setExperienceYears(int experienceYears) { this.experienceYears = experienceYears; }

    public List<String> getSpecializations() { return copyOf(specializations); }
    public void setSpecializations(List<String> specializations) { this.specializations = new ArrayList<>(specializations); }

    public int getFeedbackCount() { return feedbackCount == null ? 0 : feedbackCount; }
    public double getFeedbackAccuracyRate() { return feedbackAccuracyRate == null ? 0.0 : feedbackAccuracyRate; }
    public int getAverageResponseTimeSeconds() { return averageResponseTimeSeconds == null ? 0 : averageResponseTimeSeconds; }
    public double getTrustScore() { return trustScore == null ? 0.5 : trustScore; }

    /** Metrics are derived from the expert's feedback rows; only the recompute writes them. */
    boolean isAdoptedMetricsPending() { return adoptedMetricsPending; }

    /** The metrics the recomputes write; {@link #applyMetrics} ends the adopted ones. */
    Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("feedback_count", getFeedbackCount());
        metrics.put("feedback_accuracy_rate", getFeedbackAccuracyRate());
        metrics.put("average_response_time_seconds", getAverageResponseTimeSeconds());
        metrics.put("trust_score", getTrustScore());
        return metrics;
    }

    void applyMetrics(int feedbackCount, double accuracyRate, int averageResponseTimeSeconds, double trustScore) {
        this.adoptedMetricsPending = false;
        this.feedbackCount = feedbackCount;
        this.feedbackAccuracyRate = accuracyRate;
        this.averageResponseTimeSeconds = averageResponseTimeSeconds;
        this.trustScore = trustScore;
    }

    public String getProfessionalRegistrationNumber() { return professionalRegistrationNumber; }
    public void setProfessionalRegistrationNumber(String value) { this.professionalRegistrationNumber = value; }
    public String getOrganization() { return organization; }
    public void setOrganization(String organization) { this.organization = organization; }
    public String getLocationCity() { return locationCity; }
    public void setLocationCity(String locationCity) { this.locationCity = locationCity; }

    public boolean isVerified() { return Boolean.TRUE.equals(verified); }
    public Instant getVerificationDate() { return verificationDate; }

    public Integer getVerifiedBy() { return verifiedBy; }
    public long getVersion() { return version; }

    /** Marks the credentials as checked by an administrator (who, when). */
    public void verify(Instant when, Integer byUserId) {
        this.verified = true;
        this.verificationDate = when;
        this.verifiedBy = byUserId;
    }

    public void unverify() {
        this.verified = false;
        this.verificationDate = null;
        this.verifiedBy = null;
    }

    /** Applies an already validated, normalized draft. */
    void apply(ExpertDraft draft) {
        setCredentialTypes(draft.credentialTypes());
        setCredentials(draft.credentials());
        setExperienceYears(draft.experienceYears());
        setSpecializations(draft.specializations());
        setProfessionalRegistrationNumber(draft.registrationNumber());
        setOrganization(draft.organization());
        setLocationCity(draft.city());
    }

    public boolean isActive() { return Boolean.TRUE.equals(active); }
    public void setActive(boolean active) { this.active = active; }

    /** Only an active, verified expert may submit feedback (DOMAIN.md §4). */
    public boolean maySubmitFeedback() {
        return isActive() && isVerified();
    }

    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** The seed's array columns are nullable (another client may store NULL rather than '{}'): read as empty. */
    private static List<String> copyOf(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
