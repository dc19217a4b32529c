package it.expertfeedback.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import it.expertfeedback.base.text.WordDiff;

/**
 * What a correction changed in the AI answer: removed words struck through in red, added words underlined in
 * green, the rest as it was. Each change is also marked for screen readers (the title says which it is).
 */
public class DiffView extends Div {

    public DiffView() {
        getStyle().set("white-space", "pre-wrap").set("line-height", "1.5")
                .set("padding", "var(--lumo-space-s)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    public void show(String before, String after) {
        removeAll();
        for (WordDiff.Segment segment : WordDiff.between(before, after)) {
            Span span = new Span(segment.text());
            switch (segment.kind()) {
                case ADDED -> {
                    span.addClassName("diff-added");
                    span.getElement().setAttribute("title", getTranslation("diff.added"));
                    span.getStyle().set("background", "var(--lumo-success-color-10pct)")
                            .set("color", "var(--lumo-success-text-color)").set("text-decoration", "underline");
                }
                case REMOVED -> {
                    span.addClassName("diff-removed");
                    span.getElement().setAttribute("title", getTranslation("diff.removed"));
                    span.getStyle().set("background", "var(--lumo-error-color-10pct)")
                            .set("color", "var(--lumo-error-text-color)").set("text-decoration", "line-through");
                }
                case SAME -> { }
            }
            add(span);
        }
    }
}
