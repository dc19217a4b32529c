package it.expertfeedback.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.text.NumberFormat;

/** One big number with its label (home page, dashboard KPIs): the same look everywhere, styled by Lumo utility classes. */
public class Tile extends Div {

    /** The number's class name: tests and the dashboard find the value by it. */
    public static final String VALUE_CLASS = "tile-value";

    private final Span value = new Span();

    /** A tile showing {@code number} in the UI's locale's integer format. */
    public Tile(String id, String labelKey, long number) {
        this(id, labelKey);
        setValue(NumberFormat.getIntegerInstance(getLocale()).format(number));
    }

    /** A tile whose value is set later (a formatted figure, or a dash when there is none). */
    public Tile(String id, String labelKey) {
        setId(id);
        value.addClassNames(VALUE_CLASS, LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        add(value, new Div(new Span(getTranslation(labelKey))));
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE);
        getStyle().setMinWidth("14em"); // no utility class for a text-relative minimum width
    }

    public void setValue(String formatted) {
        value.setText(formatted);
    }

    /** Names the number for tests and assistive links (e.g. {@code kpi-feedback-value}). */
    public Tile withValueId(String id) {
        value.setId(id);
        return this;
    }

    /** A small line under the label (the dashboard's change against the previous window). */
    public Tile withDetail(Span detail) {
        detail.addClassName(LumoUtility.FontSize.SMALL);
        add(detail);
        return this;
    }
}
