package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.faq.QueueFilter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The approval queue's filters; each change hands the view how to derive the new {@link QueueFilter}. */
class QueueFilters extends Composite<FilterBar> {

    final ComboBox<String> category = new ComboBox<>();
    final TextField expert = new TextField();
    final NumberField minTrust = new NumberField();
    final IntegerField minFrequency = new IntegerField();
    final TextField text = new TextField();

    QueueFilters(List<String> categories, Consumer<UnaryOperator<QueueFilter>> changed) {
        category.setPlaceholder(getTranslation("feedback.faq-category"));
        category.setItems(categories);
        category.setClearButtonVisible(true);
        category.setId("faq-filter-category");
        category.addValueChangeListener(e -> changed.accept(f -> f.withSuggestedCategory(e.getValue())));
        FilterBar.textFilter(expert, getTranslation("feedback.filter.expert"), "faq-filter-expert").addValueChangeListener(e -> changed.accept(f -> f.withExpertText(e.getValue())));
        FilterBar.textFilter(text, getTranslation("faq.filter.text"), "faq-filter-text").addValueChangeListener(e -> changed.accept(f -> f.withText(e.getValue())));
        minTrust.setPlaceholder(getTranslation("expert.filter.min-trust"));
        minTrust.setMin(0);
        minTrust.setMax(1);
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

}
