package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.feedback.ExpertFeedback;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/** The signed-in expert's own feedback, newest first, lazy; a row opens its read-only detail. */
@Route("my-feedback")
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 16, title = "nav.my-feedback", icon = "vaadin:list")
public class MyFeedbackView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ExpertFeedback> grid = new Grid<>();
    final Select<FeedbackType> type = new Select<>();

    MyFeedbackView(FeedbackService feedback) {
        setSizeFull();
        Button create = new Button(getTranslation("nav.feedback-new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(FeedbackFormView.class)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        type.setItems(FeedbackType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("feedback.verdict") + ": " + getTranslation("common.all"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("feedback.verdict") + ": " + getTranslation("common.all")
                : getTranslation(t.labelKey()));
        type.setId("my-feedback-type");
        type.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("nav.my-feedback")), create, type);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(f -> Formats.dateTime(f.getFeedbackTimestamp(), getLocale())).setHeader(getTranslation("feedback.when")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation(f.getFeedbackType() == null ? "feedback.type.unknown" : f.getFeedbackType().labelKey())).setHeader(getTranslation("feedback.verdict")).setAutoWidth(true);
        grid.addColumn(f -> f.getCategory() != null ? getTranslation(f.getCategory().labelKey())
                : f.getCategoryCode() == null ? "—" : getTranslation("feedback.type.unknown"))
                .setHeader(getTranslation("feedback.category")).setAutoWidth(true);
        grid.addColumn(ExpertFeedback::getQueryText).setHeader(getTranslation("feedback.query-text")).setWidth("24rem").setFlexGrow(1);
        grid.addColumn(f -> f.getReviewVerdict() == null ? getTranslation("feedback.review.none")
                : getTranslation(f.getReviewVerdict().labelKey())).setHeader(getTranslation("feedback.review")).setAutoWidth(true);
        grid.setItems(query -> feedback.myHistory(type.getValue(),
                        PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) feedback.myHistory(type.getValue(), PageRequest.of(0, 1)).getTotalElements());
        // The detail walks this list (newest first, the chosen verdict) with previous / next.
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("feedback/detail/" + click.getItem().getId(),
                FeedbackListContext.mine(type.getValue()).parameters())));
        grid.setId("my-feedback-grid");
        grid.setSizeFull();
        add(header, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-feedback");
    }
}
