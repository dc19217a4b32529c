package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.FaqProposalService;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/** The FAQ candidates that came from the signed-in expert's feedback: status, and why one was rejected. */
@Route("my-candidates")
@RolesAllowed(AppRoles.EXPERT)
@Menu(order = 17, title = "nav.my-candidates", icon = "vaadin:lightbulb")
public class MyCandidatesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<CandidateRow> grid = new Grid<>();

    MyCandidatesView(FaqProposalService faq) {
        setSizeFull();
        grid.addColumn(CandidateRow::question).setHeader(getTranslation("faq.question")).setWidth("22rem").setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.approvalStatus().labelKey())).setHeader(getTranslation("faq.status"))
                .setAutoWidth(true);
        grid.addColumn(CandidateRow::frequency).setHeader(getTranslation("faq.frequency")).setAutoWidth(true);
        grid.addColumn(r -> r.rejectionReason() == null ? "—" : r.rejectionReason())
                .setHeader(getTranslation("faq.reject.reason")).setWidth("18rem").setFlexGrow(1);
        grid.addColumn(r -> Formats.dateTime(r.createdAt(), getLocale())).setHeader(getTranslation("feedback.when")).setAutoWidth(true);
        grid.setItems(query -> faq.myCandidates(PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) faq.countMyCandidates());
        grid.setId("my-candidates-grid");
        grid.setSizeFull();
        add(new H2(getTranslation("nav.my-candidates")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-candidates");
    }
}
