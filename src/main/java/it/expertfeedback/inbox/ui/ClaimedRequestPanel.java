package it.expertfeedback.inbox.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.inbox.ClaimedRequest;
import it.expertfeedback.inbox.ContextTurn;

/**
 * What the assistant sent, read-only: the question, its answer, the previous turns and where it came from. The expert
 * judges this text as it is; nothing here can be edited, and nothing tells what other experts said (blind review).
 */
class ClaimedRequestPanel extends Composite<VerticalLayout> {

    ClaimedRequestPanel(ClaimedRequest claimed) {
        VerticalLayout pane = getContent();
        pane.setPadding(false);
        pane.add(section("inbox.question", claimed.queryText(), "review-question"));
        pane.add(section("inbox.answer", claimed.originalAnswer(), "review-answer"));
        if (!claimed.context().isEmpty()) {
            Div context = new Div();
            context.setId("review-context");
            for (ContextTurn turn : claimed.context()) {
                Paragraph line = new Paragraph(getTranslation("inbox.role." + turn.role()) + ": " + turn.text());
                line.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
                context.add(line);
            }
            pane.add(new H3(getTranslation("inbox.context")), context);
        }
        Span meta = new Span(getTranslation("inbox.meta", claimed.topic() == null ? "—" : claimed.topic(),
                String.join(", ", claimed.tags()), claimed.model() == null ? "—" : claimed.model()));
        meta.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        pane.add(meta);
    }

    private Div section(String titleKey, String text, String id) {
        Div body = new Div(text);
        body.setId(id);
        // Answers keep their paragraphs and lists as the assistant wrote them.
        body.addClassNames(LumoUtility.Whitespace.PRE_WRAP, LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5,
                LumoUtility.BorderRadius.MEDIUM);
        return new Div(new H3(getTranslation(titleKey)), body);
    }
}
