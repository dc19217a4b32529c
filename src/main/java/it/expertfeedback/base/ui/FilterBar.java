package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A row of filter fields above a list: aligned on their text, wrapping on narrow screens. Shared by every list
 * view, with the one way a text filter behaves (placeholder, clear button, applied while typing pauses).
 */
public class FilterBar extends FlexLayout {

    public FilterBar(Component... filters) {
        super(filters);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName(LumoUtility.Gap.MEDIUM);
    }

    /** A free-text filter: {@code placeholder} already translated, value applied once typing pauses. */
    public static TextField textFilter(TextField field, String placeholder, String id) {
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setId(id);
        return field;
    }

    /** A choice filter whose empty selection means "all" ({@code allCaption} already translated). */
    public static <T> Select<T> allOption(Select<T> select, String allCaption, String id) {
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(allCaption);
        select.setId(id);
        return select;
    }

    /** A yes / no filter whose empty selection means "all", each option labelled "{label}: Sì" and so on. */
    public static Select<Boolean> yesNoAll(Select<Boolean> select, String labelKey, String id) {
        select.setItems(Boolean.TRUE, Boolean.FALSE);
        allOption(select, select.getTranslation(labelKey) + ": " + select.getTranslation("common.all"), id);
        select.setItemLabelGenerator(v -> select.getTranslation(labelKey) + ": "
                + select.getTranslation(v == null ? "common.all" : v ? "common.yes" : "common.no"));
        return select;
    }

    /** A counter that filters when clicked, shown pressed while its filter is on (for screen readers too). */
    public static void pressed(Button button, boolean selected) {
        if (selected) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        button.getElement().setAttribute("aria-pressed", String.valueOf(selected));
    }
}
