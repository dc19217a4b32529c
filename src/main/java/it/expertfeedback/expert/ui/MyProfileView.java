package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.ProfileSection;
import it.expertfeedback.expert.ExpertDetails;
import it.expertfeedback.expert.ExpertService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;

/** An expert's own profile: credentials, counts, and the trust score with its explanation. Read-only. */
@Route("my-profile")
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 20, title = "nav.my-profile", icon = "vaadin:user-card")
public class MyProfileView extends VerticalLayout implements HasDynamicTitle {

    MyProfileView(ExpertService experts, List<ProfileSection> sections) {
        add(new H2(getTranslation("nav.my-profile")));
        experts.findDetailsOfCurrentUser().ifPresentOrElse(this::show,
                () -> add(new Paragraph(getTranslation("profile.none"))));
        sections.stream().sorted(Comparator.comparingInt(ProfileSection::order))
                .forEach(section -> section.forCurrentUser().ifPresent(this::add));
    }

    private void show(ExpertDetails details) {
        if (!details.profile().maySubmitFeedback()) {
            Paragraph notice = new Paragraph(getTranslation("profile.cannot-submit"));
            notice.setId("profile-cannot-submit");
            add(notice);
        }
        add(new ExpertProfileSummary(details.profile()), new TrustExplanation(details));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-profile");
    }
}
