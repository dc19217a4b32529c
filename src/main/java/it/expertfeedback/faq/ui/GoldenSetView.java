package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.ItemStepper;
import it.expertfeedback.base.ui.UrlState;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.FaqExport;
import it.expertfeedback.faq.GoldenSetService;
import it.expertfeedback.faq.PublishedFaqService;
import it.expertfeedback.security.CurrentUser;
import it.expertfeedback.security.Role;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;

/**
 * The published golden set: approved FAQs, searchable and filtered by category, each row opening to its answer
 * and references; downloads in CSV and JSONL with the current filters.
 */
@Route("faq/published")
@RolesAllowed({AppRoles.EXPERT, AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 14, title = "nav.golden-set", icon = "vaadin:book")
public class GoldenSetView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final Grid<CandidateRow> grid = new Grid<>();
    final TextField search = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    private final transient GoldenSetService faq;
    private final transient PublishedFaqService published;
    private final boolean reviewer;
    private final UrlState url = new UrlState("faq/published");
    final Paragraph total = new Paragraph();
    final ItemStepper stepper = new ItemStepper("golden", "common.previous", "common.next", () -> openAt(this.position - 1),
            () -> openAt(this.position + 1));
    private CandidateRow open; // the FAQ whose details are shown, kept in the URL as ?faq=<id>
    private long position;
    private long count;

    GoldenSetView(GoldenSetService faq, PublishedFaqService published) {
        this.faq = faq;
        this.published = published;
        this.reviewer = CurrentUser.get().map(u -> u.hasRole(Role.REVIEWER) || u.hasRole(Role.ADMIN)).orElse(false);
        setSizeFull();
        search.setPlaceholder(getTranslation("faq.filter.text"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("golden-search");
        search.addValueChangeListener(e -> changed());
        category.setPlaceholder(getTranslation("feedback.faq-category"));
        category.setItems(faq.goldenSetCategories());
        category.setClearButtonVisible(true);
        category.setId("golden-category");
        category.addValueChangeListener(e -> changed());
        Anchor csv = download(FaqExport.Format.CSV, "faq.export.csv", "golden-export-csv");
        Anchor jsonl = download(FaqExport.Format.JSONL, "faq.export.jsonl", "golden-export-jsonl");
        Anchor xlsx = download(FaqExport.Format.XLSX, "faq.export.xlsx", "golden-export-xlsx");
        FilterBar bar = new FilterBar(search, category, csv, jsonl, xlsx);

        grid.addColumn(CandidateRow::question).setHeader(getTranslation("faq.question")).setWidth("24rem").setFlexGrow(1);
        grid.addColumn(r -> r.suggestedCategory() == null ? "—" : r.suggestedCategory())
                .setHeader(getTranslation("feedback.faq-category")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.autoApproved() ? "faq.approved-by-rule" : "faq.approved-by-reviewer"))
                .setHeader(getTranslation("faq.approved-how")).setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.approvedAt(), getLocale())).setHeader(getTranslation("faq.approved-at")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(row -> GoldenSetDetails.of(this, row, reviewer ? published : null,
                () -> { grid.getDataProvider().refreshAll(); count(); close(); }))); // an edit moves it to the end
        grid.setDetailsVisibleOnClick(false); // opening is ours: one at a time, in the URL, with previous / next
        grid.addItemClickListener(click -> {
            if (click.getItem().equals(open)) {
                close();
            } else {
                faq.goldenSetPosition(search.getValue(), category.getValue(), click.getItem().id()).ifPresent(this::openAt);
            }
        });
        grid.setItems(query -> faq.goldenSet(search.getValue(), category.getValue(), null,
                        PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> (int) count); // counted once per filter change, for the line above and the grid
        grid.setId("golden-grid");
        grid.setSizeFull();
        total.setId("golden-result-count");
        stepper.listenOn(this);
        add(new H2(getTranslation("nav.golden-set")), bar, new HorizontalLayout(total, stepper), grid);
        count();
    }

    /** Search and category live in the URL (Back, reload, shared links), and the count follows them. */
    private void changed() {
        grid.getDataProvider().refreshAll();
        count();
        close(); // another list: the open FAQ's place in it is unknown
    }

    private void count() {
        count = faq.countGoldenSet(search.getValue(), category.getValue(), null);
        total.setText(getTranslation("faq.golden-count", count));
    }

    /** Opens the FAQ at a position of the filtered list: its details, scrolled into view, its id in the URL. */
    private void openAt(long wanted) {
        faq.goldenSetAt(search.getValue(), category.getValue(), wanted).ifPresent(row -> {
            if (open != null) {
                grid.setDetailsVisible(open, false);
            }
            open = row;
            position = wanted;
            grid.setDetailsVisible(row, true);
            grid.select(row);
            grid.scrollToIndex((int) wanted);
            stepper.ends(position > 0, position < count - 1);
            writeUrl();
        });
    }

    private void close() {
        if (open != null) {
            grid.setDetailsVisible(open, false);
            grid.deselectAll();
        }
        open = null;
        stepper.ends(false, false);
        writeUrl();
    }

    private void writeUrl() {
        url.put("q", search.getValue()).put("category", category.getValue()).put("faq", open == null ? null : open.id()).write();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> wanted = UrlState.first(event, "faq"); // restoring the filters closes any open FAQ
        url.restore(event, () -> {
            search.setValue(url.get("q").orElse(""));
            category.setValue(url.get("category").filter(faq.goldenSetCategories()::contains).orElse(null));
        });
        wanted.flatMap(QueueFilters::uuid).flatMap(id -> {
            OptionalLong at = faq.goldenSetPosition(search.getValue(), category.getValue(), id);
            return at.isPresent() ? Optional.of(at.getAsLong()) : Optional.<Long>empty();
        }).ifPresent(this::openAt);
    }

    private Anchor download(FaqExport.Format format, String labelKey, String id) {
        DownloadHandler handler = event -> {
            event.setFileName(format.fileName());
            event.setContentType(format.contentType());
            if (format == FaqExport.Format.XLSX) {
                faq.exportGoldenSetXlsx(search.getValue(), category.getValue(), null, event.getOutputStream());
                return;
            }
            Writer writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            faq.exportGoldenSet(format, search.getValue(), category.getValue(), null, writer);
            writer.flush();
        };
        Anchor anchor = new Anchor(handler, getTranslation(labelKey));
        anchor.setId(id);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.golden-set");
    }
}
