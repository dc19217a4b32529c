package it.expertfeedback.faq.api;

import it.expertfeedback.faq.FaqEdit;
import it.expertfeedback.faq.FaqVersion;
import it.expertfeedback.faq.PublishedFaqService;
import it.expertfeedback.faq.api.FaqController.FaqItem;
import it.expertfeedback.security.AppRoles;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A published FAQ's life over REST, exactly as DOMAIN.md §5: edit as a new version, retire, list the versions. */
@RestController
@RequestMapping("/api/v1/faq")
@PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
class PublishedFaqController {

    private final PublishedFaqService published;

    PublishedFaqController(PublishedFaqService published) {
        this.published = published;
    }

    @PutMapping("/{id}")
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    FaqItem edit(@PathVariable UUID id, @RequestBody(required = false) EditRequest request) {
        EditRequest edit = request == null ? EditRequest.EMPTY : request;
        return FaqItem.of(published.edit(id, new FaqEdit(edit.question(), edit.answer(), edit.suggestedCategory(),
                edit.suggestedTags(), edit.regulatoryReferences()), edit.reason(), edit.version()));
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    FaqItem retire(@PathVariable UUID id, @RequestBody(required = false) RetireRequest request) {
        return FaqItem.of(published.retire(id, request == null ? null : request.reason()));
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize(AppRoles.IS_REVIEWER_OR_ADMIN)
    VersionList versions(@PathVariable UUID id) {
        return new VersionList(id, published.versions(id).stream().map(VersionItem::of).toList());
    }

    record EditRequest(String question, String answer, String suggestedCategory, List<String> suggestedTags,
                       List<String> regulatoryReferences, String reason, Integer version) {
        static final EditRequest EMPTY = new EditRequest(null, null, null, null, null, null, null);
    }

    record RetireRequest(String reason) {
    }

    record VersionList(UUID faqId, List<VersionItem> items) {
    }

    record VersionItem(int version, String question, String answer, String suggestedCategory, List<String> suggestedTags,
                       List<String> regulatoryReferences, String reason, Integer editedBy, String editorName,
                       Instant editedAt) {
        static VersionItem of(FaqVersion v) {
            return new VersionItem(v.version(), v.question(), v.answer(), v.suggestedCategory(), v.suggestedTags(),
                    v.regulatoryReferences(), v.reason(), v.editedBy(), v.editorName(), v.editedAt());
        }
    }
}
