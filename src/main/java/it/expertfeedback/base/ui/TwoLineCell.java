package it.expertfeedback.base.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A grid cell of two texts, the second smaller and grey underneath: how a secondary fact (an email, a city, a
 * question's category) stays in view without a column of its own, so a list fits 1440 px. Classes, no inline styles.
 */
public final class TwoLineCell {

    private TwoLineCell() {
    }

    public static <T> LitRenderer<T> of(ValueProvider<T, String> first, ValueProvider<T, String> second) {
        return LitRenderer.<T>of("<div class=\"" + LumoUtility.TextOverflow.ELLIPSIS + " " + LumoUtility.Overflow.HIDDEN
                        + "\">${item.first}</div><div class=\"" + LumoUtility.FontSize.SMALL + " " + LumoUtility.TextColor.SECONDARY
                        + " " + LumoUtility.TextOverflow.ELLIPSIS + " " + LumoUtility.Overflow.HIDDEN + "\">${item.second}</div>")
                .withProperty("first", row -> orDash(first.apply(row)))
                .withProperty("second", row -> orEmpty(second.apply(row)));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
