package it.expertfeedback.expert.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.expert.ExpertDetails;
import it.expertfeedback.expert.TrustHistoryEntry;
import it.expertfeedback.expert.TrustScore;

/**
 * The trust score taken apart (DOMAIN.md §3): each of the five components with its value, its maximum, what
 * it is made of and what would raise it; then the history of the score. A trust score is never a mystery.
 */
class TrustExplanation extends VerticalLayout {

    TrustExplanation(ExpertDetails details) {
        setPadding(false);
        setId("trust-explanation");
        TrustScore.Breakdown trust = details.trust();
        Span total = new Span(score(details.profile().getTrustScore()));
        total.setId("trust-total");
        total.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        add(new H3(getTranslation("trust.title")), total,
                new Paragraph(getTranslation("trust.formula")));

        int resolved = details.stats().resolved();
        int upheld = details.stats().upheld();
        add(component("credentials", trust.credentials(), 0.35,
                        getTranslation(details.profile().isVerified() ? "trust.credentials.basis" : "trust.credentials.unverified"),
                        getTranslation("trust.credentials.raise")),
                component("experience", trust.experience(), 0.25,
                        getTranslation("trust.experience.basis", details.profile().getExperienceYears()),
                        getTranslation("trust.experience.raise")),
                component("track-record", trust.trackRecord(), 0.30,
                        getTranslation("trust.track-record.basis", upheld, resolved),
                        getTranslation("trust.track-record.raise")),
                component("responsiveness", trust.responsiveness(), 0.10,
                        details.stats().feedbackCount() == 0 ? getTranslation("trust.responsiveness.none")
                                : getTranslation("trust.responsiveness.basis", details.stats().averageResponseTimeSeconds()),
                        getTranslation("trust.responsiveness.raise")),
                component("breadth", trust.breadth(), 0.05,
                        getTranslation("trust.breadth.basis", details.profile().getSpecializations().size()),
                        getTranslation("trust.breadth.raise")));
        add(history(details));
    }

    private Div component(String key, double value, double max, String basis, String raise) {
        Span label = new Span(getTranslation("trust." + key));
        label.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Span amount = new Span(score(value) + " / " + score(max));
        amount.setId("trust-" + key);
        ProgressBar bar = new ProgressBar(0, max, Math.min(value, max));
        Span explanation = new Span(basis + (value >= max - 1e-9 ? "" : " " + raise));
        explanation.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div row = new Div(label, new Span(" "), amount, bar, explanation);
        row.setWidthFull();
        row.setMaxWidth("40rem");
        return row;
    }

    private VerticalLayout history(ExpertDetails details) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H4(getTranslation("trust.history")));
        if (details.history().isEmpty()) {
            section.add(new Paragraph(getTranslation("trust.history.empty")));
            return section;
        }
        Grid<TrustHistoryEntry> grid = new Grid<>();
        grid.setId("trust-history");
        grid.addColumn(entry -> Formats.dateTime(entry.computedAt(), getLocale())).setHeader(getTranslation("trust.history.when")).setAutoWidth(true);
        grid.addColumn(entry -> score(entry.trustScore())).setHeader(getTranslation("expert.trust"));
        grid.addColumn(entry -> translatedReason(entry.reason())).setHeader(getTranslation("trust.history.reason"));
        grid.addColumn(entry -> score(entry.credentials())).setHeader(getTranslation("trust.credentials"));
        grid.addColumn(entry -> score(entry.experience())).setHeader(getTranslation("trust.experience"));
        grid.addColumn(entry -> score(entry.trackRecord())).setHeader(getTranslation("trust.track-record"));
        grid.addColumn(entry -> score(entry.responsiveness())).setHeader(getTranslation("trust.responsiveness"));
        grid.addColumn(entry -> score(entry.breadth())).setHeader(getTranslation("trust.breadth"));
        grid.setItems(details.history());
        grid.setAllRowsVisible(details.history().size() <= 10);
        grid.setHeight(details.history().size() <= 10 ? null : "20rem");
        section.add(grid);
        return section;
    }

    private String translatedReason(String reason) {
        String key = "trust.reason." + reason;
        String text = getTranslation(key);
        return text.startsWith("!") || text.equals(key) ? reason : text;
    }

    private String score(double value) {
        return Formats.score(value, getLocale());
    }
}
