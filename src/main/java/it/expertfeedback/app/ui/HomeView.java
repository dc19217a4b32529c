package it.expertfeedback.app.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.HomeTiles;
import it.expertfeedback.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * The first page after login: real counts, contributed by the features ({@link HomeTiles}). Reviewers and admins
 * see the whole firm's numbers; an expert sees their own feedback and candidates.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(List<HomeTiles> contributions) {
        add(new H2(getTranslation("home.welcome", CurrentUser.require().displayName())));
        FlexLayout tiles = new FlexLayout();
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.addClassName(LumoUtility.Gap.MEDIUM);
        contributions.stream().sorted(Comparator.comparingInt(HomeTiles::order))
                .forEach(contribution -> contribution.forCurrentUser().forEach(tiles::add));
        add(tiles);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
