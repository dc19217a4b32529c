package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import it.expertfeedback.base.ui.DecimalField;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.base.ui.UrlState;
import it.expertfeedback.faq.CandidateNotFound;
import it.expertfeedback.faq.CandidateReviewService;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.CandidateStatus;
import it.expertfeedback.faq.QueueFilter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The approval queue's filters; each change hands the view how to derive the new {@link QueueFilter}. */
class QueueFilters extends Composite<FilterBar> {

    final ComboBox<String> category = new ComboBox<>();
    final TextField expert = new TextField();
    final DecimalField minTrust = new DecimalField();
    final IntegerField minFrequency = new IntegerField();
    final TextField text = new TextField();
    private final List<String> categories;

    QueueFilters(List<String> categories, Consumer<UnaryOperator<QueueFilter>> changed) {
        this.categories = List.copyOf(categories);
        category.setPlaceholder(getTranslation("feedback.faq-category"));
        category.setItems(categories);
        category.setClearButtonVisible(true);
        category.setId("faq-filter-category");
        category.addValueChangeListener(e -> changed.accept(f -> f.withSuggestedCategory(e.getValue())));
        FilterBar.textFilter(expert, getTranslation("feedback.filter.expert"), "faq-filter-expert").addValueChangeListener(e -> changed.accept(f -> f.withExpertText(e.getValue())));
        FilterBar.textFilter(text, getTranslation("faq.filter.text"), "faq-filter-text").addValueChangeListener(e -> changed.accept(f -> f.withText(e.getValue())));
        minTrust.setPlaceholder(getTranslation("expert.filter.min-trust"));
        minTrust.setClearButtonVisible(true);
        minTrust.setValueChangeMode(ValueChangeMode.LAZY);
        minTrust.setId("faq-filter-min-trust");
        minTrust.addValueChangeListener(e -> changed.accept(f -> f.withMinTrust(e.getValue())));
        minFrequency.setPlaceholder(getTranslation("faq.filter.min-frequency"));
        minFrequency.setMin(1);
        minFrequency.setClearButtonVisible(true);
        minFrequency.setValueChangeMode(ValueChangeMode.LAZY);
        minFrequency.setId("faq-filter-min-frequency");
        minFrequency.addValueChangeListener(e -> changed.accept(f -> f.withMinFrequency(e.getValue())));
        getContent().add(category, expert, text, minTrust, minFrequency);
    }

    /** The filter as URL parameters (the view adds the open candidate). */
    UrlState write(UrlState url, QueueFilter filter) {
        return url.put("category", filter.suggestedCategory()).put("expert", filter.expertText()).put("q", filter.text())
                .put("min_trust", filter.minTrust()).put("min_frequency", filter.minFrequency());
    }

    /** Sets the fields from the URL; each field's listener then rebuilds the view's filter. */
    void restore(UrlState url) {
        category.setValue(url.get("category").filter(categories::contains).orElse(null));
        expert.setValue(url.get("expert").orElse(""));
        text.setValue(url.get("q").orElse(""));
        minTrust.setValue(url.get("min_trust").flatMap(QueueFilters::decimal).orElse(null));
        minFrequency.setValue(url.number("min_frequency").map(Long::intValue).orElse(null));
    }

    /** The candidate a URL names, if it is still pending (a shared link may name one decided or deleted since). */
    static Optional<CandidateRow> pending(CandidateReviewService faq, UUID id) {
        try {
            return Optional.of(faq.getCandidate(id).candidate()).filter(row -> row.approvalStatus() == CandidateStatus.pending);
        } catch (CandidateNotFound gone) {
            return Optional.empty();
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException broken) {
            return Optional.empty();
        }
    }

    private static Optional<Double> decimal(String text) {
        try {
            return Optional.of(Double.valueOf(text));
        } catch (NumberFormatException broken) {
            return Optional.empty();
        }
    }
}
