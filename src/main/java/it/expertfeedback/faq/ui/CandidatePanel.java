package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.DiffView;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.faq.CandidateDetails;
import it.expertfeedback.faq.CandidateRow;
import it.expertfeedback.faq.FeedbackBehindCandidates.SourceFeedback;
import it.expertfeedback.faq.SimilarQuestion;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a reviewer reads before deciding on a candidate: question and answer, references and tags, who proposed
 * it with which trust, the feedback behind it (AI answer and the expert's diff), and similar questions.
 */
class CandidatePanel extends VerticalLayout {

    private transient Consumer<SourceFeedback> onPick = source -> { };

    CandidatePanel() {
        setId("candidate-panel");
        setPadding(false);
    }

    /** What "publish this answer" on one of the feedback behind the candidate does (the queue opens edit-and-approve). */
    void onPick(Consumer<SourceFeedback> pick) {
        this.onPick = pick;
    }

    void show(CandidateDetails details) {
        removeAll();
        CandidateRow c = details.candidate();
        H3 question = new H3(c.question());
        question.setId("candidate-question");
        Paragraph facts = new Paragraph(getTranslation("faq.facts", c.frequency(),
                Formats.decimal(c.priorityScore().doubleValue(), 2, getLocale()),
                c.suggestedCategory() == null ? "—" : c.suggestedCategory()));
        facts.setId("candidate-facts");
        Paragraph proposer = new Paragraph(getTranslation("faq.proposer", c.expertName() == null ? "—" : c.expertName(),
                c.expertTrustScore() == null ? "—" : Formats.score(c.expertTrustScore(), getLocale())));
        proposer.setId("candidate-proposer");
        add(question, facts, proposer);
        if (!details.decidableByCaller()) {
            Paragraph own = new Paragraph(getTranslation("faq.error.own-candidate"));
            own.setId("candidate-own");
            own.addClassName(LumoUtility.TextColor.ERROR);
            add(own);
        }
        Paragraph answer = new Paragraph(c.answer());
        answer.setId("candidate-answer");
        answer.addClassName(LumoUtility.Whitespace.PRE_WRAP);
        add(new H4(getTranslation("faq.answer")), answer,
                new H4(getTranslation("feedback.references")), list(c.regulatoryReferences(), "candidate-references"),
                new H4(getTranslation("faq.tags")), list(c.suggestedTags(), "candidate-tags"));
        add(new H4(getTranslation("faq.sources", details.sources().size())),
                new MergedFeedbackTable(details.sources(), details.decidableByCaller(), source -> onPick.accept(source)));
        details.sources().forEach(source -> add(source(source)));
        add(new H4(getTranslation("faq.similar")), similar(details.similar()));
    }

    private Div source(SourceFeedback source) {
        Div box = new Div();
        box.addClassName("candidate-source");
        box.addClassNames(LumoUtility.Border.LEFT, LumoUtility.BorderColor.CONTRAST_20, LumoUtility.Padding.Left.SMALL,
                LumoUtility.Margin.Bottom.MEDIUM);
        box.add(new Paragraph(getTranslation("faq.source", source.expertName(),
                getTranslation("feedback.type." + source.feedbackType()))));
        Span ai = new Span(getTranslation("feedback.original-answer") + ": ");
        ai.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Paragraph original = new Paragraph(ai, new Span(source.originalAnswer()));
        original.addClassName(LumoUtility.Whitespace.PRE_WRAP);
        box.add(original);
        if (source.expertAnswer() != null) {
            DiffView diff = new DiffView();
            diff.addClassName("candidate-diff");
            diff.show(source.originalAnswer(), source.expertAnswer());
            box.add(new Span(getTranslation("feedback.diff")), diff);
        }
        return box;
    }

    private UnorderedList similar(List<SimilarQuestion> similar) {
        UnorderedList list = new UnorderedList();
        list.setId("candidate-similar");
        similar.forEach(s -> list.add(new ListItem(getTranslation("faq.similar.item", s.question(),
                getTranslation(s.approvalStatus().labelKey()), Formats.percent(s.similarity(), getLocale())))));
        if (similar.isEmpty()) {
            list.add(new ListItem(getTranslation("faq.similar.none")));
        }
        return list;
    }

    private static UnorderedList list(List<String> items, String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        items.forEach(item -> list.add(new ListItem(item)));
        if (items.isEmpty()) {
            list.add(new ListItem("—"));
        }
        return list;
    }
}
