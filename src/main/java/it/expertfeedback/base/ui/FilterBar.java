package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A row of filter fields above a list: aligned on their text, wrapping on narrow screens. Shared by every list view. */
public class FilterBar extends FlexLayout {

    public FilterBar(Component... filters) {
        super(filters);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName(LumoUtility.Gap.MEDIUM);
    }
}
