package it.expertfeedback.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.text.WordDiff;

/**
 * What a correction changed in the AI answer: removed words in {@code <del>} (struck through, red), added words in
 * {@code <ins>} (underlined, green), the changed letters inside them darker. Screen readers hear it too: each
 * change starts with a visually hidden "eliminato:" / "inserito:" (many readers do not announce ins/del themselves).
 */
public class DiffView extends Div {

    public DiffView() {
        addClassNames(LumoUtility.Whitespace.PRE_WRAP, LumoUtility.LineHeight.MEDIUM, LumoUtility.Padding.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM);
    }

    public void show(String before, String after) {
        removeAll();
        getElement().removeAllChildren();
        for (WordDiff.Segment segment : WordDiff.between(before, after)) {
            getElement().appendChild(switch (segment.kind()) {
                case SAME -> Element.createText(segment.text());
                case ADDED -> change("ins", "diff-added", "diff.added", segment,
                        LumoUtility.Background.SUCCESS_10, LumoUtility.TextColor.SUCCESS, LumoUtility.Background.SUCCESS_50);
                case REMOVED -> change("del", "diff-removed", "diff.removed", segment,
                        LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR, LumoUtility.Background.ERROR_50);
            });
        }
    }

    private Element change(String tag, String className, String labelKey, WordDiff.Segment segment,
                           String background, String color, String strongBackground) {
        Element element = new Element(tag);
        element.getClassList().add(className);
        element.getClassList().add(background);
        element.getClassList().add(color);
        element.setAttribute("title", getTranslation(labelKey));
        Element announced = new Element("span");
        announced.getClassList().add(LumoUtility.Accessibility.SCREEN_READER_ONLY);
        announced.setText(getTranslation(labelKey + ".announced") + " ");
        element.appendChild(announced);
        if (segment.detail().isEmpty()) {
            element.appendChild(Element.createText(segment.text()));
        } else {
            for (WordDiff.Segment part : segment.detail()) {
                if (part.kind() == WordDiff.Kind.SAME) {
                    element.appendChild(Element.createText(part.text()));
                } else {
                    Element letters = new Element("span");
                    letters.getClassList().add("diff-letters");
                    letters.getClassList().add(strongBackground);
                    letters.setText(part.text());
                    element.appendChild(letters);
                }
            }
        }
        return element;
    }
}
