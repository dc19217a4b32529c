package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Notifications;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The admin's topic → specializations map that routes review requests (DOMAIN.md §8). A request whose topic and
 * tags map to nothing is offered to every expert. Saving updates the open requests at once; every change is audited.
 */
@Route("inbox/topics")
@RolesAllowed(AppRoles.ADMIN)
@Menu(order = 93, title = "nav.inbox-topics", icon = "vaadin:sitemap")
public class TopicRoutesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Map.Entry<String, List<String>>> routes = new Grid<>();
    final TextField topic = new TextField();
    final TextField specializations = new TextField();
    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors(this);
    private final transient InboxService inbox;

    TopicRoutesView(InboxService inbox) {
        this.inbox = inbox;
        setMaxWidth("60rem");
        routes.setId("topic-routes");
        routes.addColumn(Map.Entry::getKey).setHeader(getTranslation("inbox.topic"));
        routes.addColumn(e -> String.join(", ", e.getValue())).setHeader(getTranslation("inbox.specializations"));
        routes.addItemClickListener(click -> {
            topic.setValue(click.getItem().getKey());
            specializations.setValue(String.join(", ", click.getItem().getValue()));
        });
        routes.setAllRowsVisible(true);
        topic.setLabel(getTranslation("inbox.topic"));
        topic.setId("topic-name");
        specializations.setLabel(getTranslation("inbox.specializations"));
        specializations.setHelperText(getTranslation("inbox.specializations.help"));
        specializations.setId("topic-specializations");
        specializations.setWidth("24rem");
        save.setText(getTranslation("common.save"));
        save.setId("topic-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        errors.bind("topic", topic).bind("specializations", specializations);
        HorizontalLayout editor = new HorizontalLayout(topic, specializations, save);
        editor.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("nav.inbox-topics")), new Paragraph(getTranslation("inbox.topics.help")), editor, routes);
        refresh();
    }

    private void save() {
        List<String> specs = Arrays.stream(specializations.getValue().split(",")).toList();
        if (UiErrors.run(this, errors, () -> inbox.saveRoute(topic.getValue(), specs)) == UiErrors.Outcome.DONE) {
            Notifications.success(getTranslation("inbox.topics.saved"));
            refresh();
        }
    }

    private void refresh() {
        routes.setItems(inbox.routes().entrySet());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox-topics");
    }
}
