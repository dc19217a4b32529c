package it.expertfeedback.feedback.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/** The feedback detail's building blocks: a titled text, a titled list, a value with a dash when empty. */
final class DetailBlocks {

    private DetailBlocks() {
    }

    static Div section(Component owner, String labelKey, String text, String id) {
        H3 heading = new H3(owner.getTranslation(labelKey));
        Paragraph body = new Paragraph(text);
        body.setId(id);
        body.addClassName(LumoUtility.Whitespace.PRE_WRAP);
        return new Div(heading, body);
    }

    static Div list(Component owner, String labelKey, List<String> items, String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        items.forEach(item -> list.add(new ListItem(item)));
        if (items.isEmpty()) {
            list.add(new ListItem("—"));
        }
        return new Div(new H3(owner.getTranslation(labelKey)), list);
    }

    static Span value(String id, String text) {
        Span span = new Span(text == null || text.isBlank() ? "—" : text);
        span.setId(id);
        return span;
    }
}
