package it.expertfeedback.expert;

import it.expertfeedback.base.audit.AuditService;
import it.expertfeedback.base.db.AdoptionReportService;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.CreatedAccount;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import it.expertfeedback.security.UserAccount;
import it.expertfeedback.security.UserAccountService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert feature's door: profiles, credentials, verification, activation and the trust score. Every
 * change is audited in its own transaction and recomputes the expert's metrics and trust (DOMAIN.md §3).
 */
@Service
@Transactional(readOnly = true)
public class ExpertService {

    static final String AUDIT_ENTITY = "expert_profile";
    /** Audit action of an adopted expert's first recompute (DOMAIN.md §11): before = the assistant's metrics. */
    static final String ADOPTED_METRICS_RECOMPUTED = AdoptionReportService.ADOPTED_METRICS_RECOMPUTED;
    private static final int HISTORY_SHOWN = 50;

    private final ExpertProfileRepository profiles;
    private final ExpertQueries queries;
    private final ExpertActivity activity;
    private final UserAccountService users;
    private final AuditService audit;
    private final Clock clock;

    ExpertService(ExpertProfileRepository profiles, ExpertQueries queries, ExpertActivity activity,
                  UserAccountService users, AuditService audit, Clock clock) {
        this.profiles = profiles;
        this.queries = queries;
        this.activity = activity;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public long countActiveVerifiedExperts() {
        return profiles.countActiveAndVerified();
    }

    /** The signed-in user's expert profile, if they have one. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ExpertProfile> findProfileOfCurrentUser() {
        return profiles.findByUserId(CurrentUser.requireId());
    }

    /** The signed-in expert's profile with the trust explanation. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ExpertDetails> findDetailsOfCurrentUser() {
        return findProfileOfCurrentUser().map(this::details);
    }

    /** One page of the directory, filtered; trust descending unless another sort is asked for. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<ExpertRow> findExperts(ExpertFilter filter, Pageable page) {
        return queries.find(filter, page.getSort(), page.getOffset(), page.getPageSize());
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public long countExperts(ExpertFilter filter) {
        return queries.count(filter);
    }

    /** Specializations in use, for the filter's choices. */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public List<String> allSpecializations() {
        return queries.allSpecializations();
    }

    /** Active, verified experts by trust, best first, optionally with one specialization (seed indexes). */
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ExpertRow> findExpertsByTrust(String specialization, int limit) {
        String tag = specialization == null || specialization.isBlank() ? null : specialization.strip();
        return queries.findByTrust(tag, Math.max(1, Math.min(limit, 100)));
    }

    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    public ExpertDetails getDetails(UUID expertId) {
        return details(require(expertId));
    }

    // ---- changing (ADMIN) ---------------------------------------------------------------------------------

    /** A profile for an existing account; one profile per account. The account gains the EXPERT role. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public ExpertProfile createProfile(Integer userId, ExpertDraft draft) {
        ExpertDraft clean = validated(draft);
        if (userId == null || users.findById(userId).isEmpty()) {
            throw InvalidInputException.of("user_id", "expert.error.unknown-user");
        }
        if (profiles.findByUserId(userId).isPresent()) {
            throw DuplicateProfile.of();
        }
        ExpertProfile profile = new ExpertProfile(userId);
        profile.apply(clean);
        try {
            profiles.saveAndFlush(profile);
        } catch (DataIntegrityViolationException concurrentCreate) {
            // Two admins created a profile for the same account at once: the unique user_id decided.
            throw DuplicateProfile.of();
        }
        users.grantRole(userId, Role.EXPERT);
        audit.record(AUDIT_ENTITY, profile.getId(), "created", null, snapshot(profile));
        recompute(profile, "created");
        return profile;
    }

    /** A new EXPERT account (one-time password returned once) and its profile, together or not at all. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public NewExpert createUserAndProfile(String email, String displayName, ExpertDraft draft) {
        validated(draft); // nothing is created when the profile part is invalid
        CreatedAccount account = users.createUserWithOneTimePassword(email, displayName, EnumSet.of(Role.EXPERT));
        ExpertProfile profile = createProfile(account.account().getId(), draft);
        return new NewExpert(profile, account.account(), account.oneTimePassword());
    }

    /** The profile and the account created with it; the password is shown once to the administrator. */
    public record NewExpert(ExpertProfile profile, UserAccount account, String oneTimePassword) {
    }

    /**
     * Edits credentials, experience and the rest. {@code expectedVersion} is the version the form was
     * opened on: an edit over someone else's newer change is refused rather than silently overwriting it.
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public ExpertProfile updateProfile(UUID expertId, ExpertDraft draft, Long expectedVersion) {
        ExpertDraft clean = validated(draft);
        ExpertProfile profile = require(expertId);
        if (expectedVersion != null && expectedVersion != profile.getVersion()) {
            throw ConcurrentProfileChange.of();
        }
        return change(profile, "updated", p -> p.apply(clean), true);
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public ExpertProfile verify(UUID expertId) {
        ExpertProfile profile = require(expertId);
        if (profile.isVerified()) {
            return profile;
        }
        return change(profile, "verified", p -> p.verify(clock.instant(), CurrentUser.requireId()), true);
    }

    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public ExpertProfile unverify(UUID expertId) {
        ExpertProfile profile = require(expertId);
        if (!profile.isVerified()) {
            return profile;
        }
        return change(profile, "unverified", ExpertProfile::unverify, true);
    }

    /** A deactivated expert keeps history and score but can no longer submit feedback. */
    @Transactional
    @PreAuthorize(AppRoles.IS_ADMIN)
    public ExpertProfile setActive(UUID expertId, boolean active) {
        ExpertProfile profile = require(expertId);
        if (profile.isActive() == active) {
            return profile;
        }
        // Activation is not part of the trust formula: nothing to recompute.
        return change(profile, active ? "reactivated" : "deactivated", p -> p.setActive(active), false);
    }

    /** One audited change: snapshot before, apply, write, audit, and recompute trust when the change can move it. */
    private ExpertProfile change(ExpertProfile profile, String action, Consumer<ExpertProfile> mutation,
                                 boolean affectsTrust) {
        Map<String, Object> before = snapshot(profile);
        mutation.accept(profile);
        profiles.flush();
        audit.record(AUDIT_ENTITY, profile.getId(), action, before, snapshot(profile));
        if (affectsTrust) {
            recompute(profile, action);
        }
        return profile;
    }

    // ---- trust ----------------------------------------------------------------------------------------------

    /**
     * Derives feedback_count, accuracy, average response time and trust from the rows, in the caller's
     * transaction, and appends a history row when the score changed. Idempotent. Called by every event that
     * can change the score (the feedback feature calls it after a submission or a judgement).
     */
    @Transactional
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public TrustScore.Breakdown recompute(UUID expertId, String reason) {
        ExpertProfile profile = profiles.findByIdForUpdate(expertId)
                .orElseThrow(() -> ExpertNotFound.of(expertId));
        return recompute(profile, reason);
    }

    /**
     * The signed-in user's profile, row-locked until the caller's transaction ends, so two submissions of one
     * expert (or a submission and a recompute) never interleave. Empty when the user has no profile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ExpertProfile> lockProfileOfCurrentUser() {
        return profiles.findByUserIdForUpdate(CurrentUser.requireId());
    }

    /** State, trust and judged feedback of an expert, for the FAQ auto-approval rule. */
    @PreAuthorize(AppRoles.IS_AUTHENTICATED)
    public Optional<ExpertStanding> standingOf(UUID expertId) {
        return profiles.findById(expertId).map(p -> new ExpertStanding(p.isActive(), p.isVerified(), p.getTrustScore(),
                activity.statsOf(p.getId()).resolved()));
    }

    private TrustScore.Breakdown recompute(ExpertProfile profile, String reason) {
        ExpertActivity.Stats stats = activity.statsOf(profile.getId());
        TrustScore.Breakdown trust = TrustScore.compute(inputs(profile, stats));
        // The first recompute of an adopted expert replaces the assistant's own figures: never without a trace.
        Map<String, Object> adoptedMetrics = profile.isAdoptedMetricsPending() ? profile.metrics() : null;
        profile.applyMetrics(stats.feedbackCount(), TrustScore.accuracyRate(stats.resolved(), stats.upheld()),
                stats.averageResponseTimeSeconds(), trust.total());
        profiles.flush();
        if (adoptedMetrics != null) {
            audit.record(AUDIT_ENTITY, profile.getId(), ADOPTED_METRICS_RECOMPUTED, adoptedMetrics, profile.metrics());
        }
        Double last = queries.lastHistoryScore(profile.getId());
        if (last == null || Double.compare(last, trust.total()) != 0) {
            queries.appendHistory(profile.getId(), Timestamp.from(clock.instant()), trust, reason);
        }
        return trust;
    }

    private ExpertDetails details(ExpertProfile profile) {
        ExpertActivity.Stats stats = activity.statsOf(profile.getId());
        UserAccount user = users.findById(profile.getUserId()).orElseThrow();
        return new ExpertDetails(profile, user.getDisplayName(), user.getEmail(), stats,
                TrustScore.compute(inputs(profile, stats)), queries.history(profile.getId(), HISTORY_SHOWN));
    }

    private static TrustScore.Inputs inputs(ExpertProfile profile, ExpertActivity.Stats stats) {
        return new TrustScore.Inputs(profile.isVerified(), profile.getCredentialTypes(), profile.getExperienceYears(),
                stats.resolved(), stats.upheld(), stats.feedbackCount(), stats.averageResponseTimeSeconds(),
                profile.getSpecializations().size());
    }

    private static ExpertDraft validated(ExpertDraft draft) {
        ExpertDraft clean = (draft == null ? ExpertDraft.empty() : draft).normalized();
        InvalidInputException.throwIfAny(clean.problems());
        return clean;
    }

    private ExpertProfile require(UUID expertId) {
        return profiles.findById(expertId).orElseThrow(() -> ExpertNotFound.of(expertId));
    }

    private static Map<String, Object> snapshot(ExpertProfile profile) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("user_id", profile.getUserId());
        state.put("credential_types", profile.getCredentialTypes().stream().map(CredentialType::code).toList());
        state.put("credentials", profile.getCredentials());
        state.put("experience_years", profile.getExperienceYears());
        state.put("specializations", profile.getSpecializations());
        state.put("professional_registration_number", profile.getProfessionalRegistrationNumber());
        state.put("organization", profile.getOrganization());
        state.put("location_city", profile.getLocationCity());
        state.put("is_verified", profile.isVerified());
        state.put("is_active", profile.isActive());
        state.put("trust_score", profile.getTrustScore());
        return state;
    }
}
