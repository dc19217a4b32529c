package it.expertfeedback.expert.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import it.expertfeedback.base.api.OffsetPageRequest;
import it.expertfeedback.base.validation.InvalidInputException;
import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.ExpertDetails;
import it.expertfeedback.expert.ExpertDraft;
import it.expertfeedback.expert.ExpertFilter;
import it.expertfeedback.expert.ExpertProfile;
import it.expertfeedback.expert.ExpertRow;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.expert.TrustScore;
import it.expertfeedback.security.AppRoles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' expert management over REST, with exactly the rules of the UI (the service enforces them):
 * list with filters, read with the trust breakdown, create, update, verify / unverify, deactivate / reactivate.
 */
@RestController
@RequestMapping("/api/v1/admin/experts")
@PreAuthorize(AppRoles.IS_ADMIN)
class ExpertAdminController {

    private static final List<String> SORTS = List.of("display_name", "trust_score", "experience_years",
            "feedback_count", "accuracy_rate");

    private final ExpertService experts;

    ExpertAdminController(ExpertService experts) {
        this.experts = experts;
    }

    @GetMapping
    ExpertPage list(@RequestParam(required = false) String q,
                    @RequestParam(name = "credential_type", required = false) String credentialType,
                    @RequestParam(required = false) String specialization,
                    @RequestParam(required = false) Boolean verified,
                    @RequestParam(required = false) Boolean active,
                    @RequestParam(name = "min_trust", required = false) Double minTrust,
                    @RequestParam(defaultValue = "trust_score") String sort,
                    @RequestParam(defaultValue = "desc") String direction,
                    @RequestParam(defaultValue = "20") int limit,
                    @RequestParam(defaultValue = "0") int offset) {
        if (!SORTS.contains(sort)) {
            throw InvalidInputException.of("sort", "validation.one-of", String.join(", ", SORTS));
        }
        ExpertFilter filter = new ExpertFilter(q, credentialType == null ? null : credentialType(credentialType),
                specialization, verified, active, minTrust);
        int size = Math.clamp(limit, 1, 100);
        int start = Math.max(offset, 0);
        Sort order = Sort.by("asc".equalsIgnoreCase(direction) ? Sort.Direction.ASC : Sort.Direction.DESC, camel(sort));
        List<ExpertRow> rows = experts.findExperts(filter, new OffsetPageRequest(start, size, order));
        return new ExpertPage(experts.countExperts(filter), size, start, rows);
    }

    @GetMapping("/{id}")
    ExpertDetailResponse get(@PathVariable UUID id) {
        return ExpertDetailResponse.of(experts.getDetails(id));
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created; Location names the new expert")
    ResponseEntity<CreatedExpertResponse> create(@RequestBody ExpertRequest request) {
        CreatedExpertResponse response;
        if (request.userId() != null) {
            ExpertProfile profile = experts.createProfile(request.userId(), request.draft());
            response = new CreatedExpertResponse(ExpertDetailResponse.of(experts.getDetails(profile.getId())), null);
        } else {
            ExpertService.NewExpert created = experts.createUserAndProfile(request.email(), request.displayName(),
                    request.draft());
            response = new CreatedExpertResponse(ExpertDetailResponse.of(experts.getDetails(created.profile().getId())),
                    created.oneTimePassword());
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/experts/" + response.expert().id())).body(response);
    }

    @PutMapping("/{id}")
    ExpertDetailResponse update(@PathVariable UUID id, @RequestBody ExpertRequest request) {
        experts.updateProfile(id, request.draft(), request.version());
        return ExpertDetailResponse.of(experts.getDetails(id));
    }

    @PostMapping("/{id}/verify")
    ExpertDetailResponse verify(@PathVariable UUID id) {
        experts.verify(id);
        return ExpertDetailResponse.of(experts.getDetails(id));
    }

    @PostMapping("/{id}/unverify")
    ExpertDetailResponse unverify(@PathVariable UUID id) {
        experts.unverify(id);
        return ExpertDetailResponse.of(experts.getDetails(id));
    }

    @PostMapping("/{id}/deactivate")
    ExpertDetailResponse deactivate(@PathVariable UUID id) {
        experts.setActive(id, false);
        return ExpertDetailResponse.of(experts.getDetails(id));
    }

    @PostMapping("/{id}/reactivate")
    ExpertDetailResponse reactivate(@PathVariable UUID id) {
        experts.setActive(id, true);
        return ExpertDetailResponse.of(experts.getDetails(id));
    }

    static CredentialType credentialType(String code) {
        try {
            return CredentialType.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            throw InvalidInputException.of("credential_types", "validation.unknown-code", code);
        }
    }

    private static String camel(String snake) {
        return switch (snake) {
            case "display_name" -> "displayName";
            case "experience_years" -> "experienceYears";
            case "feedback_count" -> "feedbackCount";
            case "accuracy_rate" -> "accuracyRate";
            default -> "trustScore";
        };
    }

    /** Create / update body; either user_id (existing account) or email + display_name (new account). */
    record ExpertRequest(Integer userId, String email, String displayName, List<String> credentialTypes,
                         List<String> credentials, Integer experienceYears, List<String> specializations,
                         String professionalRegistrationNumber, String organization, String locationCity,
                         Long version) {
        ExpertDraft draft() {
            List<CredentialType> types = new ArrayList<>();
            for (String code : credentialTypes == null ? List.<String>of() : credentialTypes) {
                types.add(credentialType(code));
            }
            return new ExpertDraft(types, credentials, experienceYears == null ? 0 : experienceYears, specializations,
                    professionalRegistrationNumber, organization, locationCity);
        }
    }

    record ExpertPage(long totalCount, int limit, int offset, List<ExpertRow> items) {
    }

    record CreatedExpertResponse(ExpertDetailResponse expert, String oneTimePassword) {
    }

    record TrustBreakdown(double credentials, double experience, double trackRecord, double responsiveness,
                          double breadth, double total) {
        static TrustBreakdown of(TrustScore.Breakdown b) {
            return new TrustBreakdown(b.credentials(), b.experience(), b.trackRecord(), b.responsiveness(), b.breadth(),
                    b.total());
        }
    }

    record ExpertDetailResponse(UUID id, Integer userId, String displayName, String email,
                                List<String> credentialTypes, List<String> credentials, int experienceYears,
                                List<String> specializations, String professionalRegistrationNumber,
                                String organization, String locationCity, boolean isVerified, boolean isActive,
                                int feedbackCount, double feedbackAccuracyRate, int averageResponseTimeSeconds,
                                double trustScore, TrustBreakdown trustBreakdown, long version,
                                List<String> otherCredentialTypes) {
        static ExpertDetailResponse of(ExpertDetails d) {
            ExpertProfile p = d.profile();
            return new ExpertDetailResponse(p.getId(), p.getUserId(), d.displayName(), d.email(),
                    p.getCredentialTypes().stream().map(CredentialType::code).toList(), p.getCredentials(),
                    p.getExperienceYears(), p.getSpecializations(), p.getProfessionalRegistrationNumber(),
                    p.getOrganization(), p.getLocationCity(), p.isVerified(), p.isActive(), p.getFeedbackCount(),
                    p.getFeedbackAccuracyRate(), p.getAverageResponseTimeSeconds(), p.getTrustScore(),
                    TrustBreakdown.of(d.trust()), p.getVersion(), p.getOtherCredentialLabels());
        }
    }
}
