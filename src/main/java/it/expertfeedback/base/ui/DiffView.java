package it.expertfeedback.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.text.WordDiff;

/**
 * What a correction changed in the AI answer: removed words struck through in red, added words underlined in
 * green, the rest as it was. Each change is also marked for screen readers (the title says which it is).
 */
public class DiffView extends Div {

    public DiffView() {
        addClassNames(LumoUtility.Whitespace.PRE_WRAP, LumoUtility.LineHeight.MEDIUM, LumoUtility.Padding.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM);
    }

    public void show(String before, String after) {
        removeAll();
        for (WordDiff.Segment segment : WordDiff.between(before, after)) {
            Span span = new Span(segment.text());
            switch (segment.kind()) {
                case ADDED -> {
                    span.addClassName("diff-added");
                    span.getElement().setAttribute("title", getTranslation("diff.added"));
                    span.addClassNames(LumoUtility.Background.SUCCESS_10, LumoUtility.TextColor.SUCCESS);
                    span.getStyle().setTextDecoration("underline"); // no utility class for text decoration
                }
                case REMOVED -> {
                    span.addClassName("diff-removed");
                    span.getElement().setAttribute("title", getTranslation("diff.removed"));
                    span.addClassNames(LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR);
                    span.getStyle().setTextDecoration("line-through"); // no utility class for text decoration
                }
                case SAME -> { }
            }
            add(span);
        }
    }
}
