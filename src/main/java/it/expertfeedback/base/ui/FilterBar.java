package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
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
}
