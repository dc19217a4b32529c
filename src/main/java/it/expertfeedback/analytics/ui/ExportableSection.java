package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import it.expertfeedback.analytics.AnalyticsExport;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import java.util.function.Supplier;

/** A dashboard section: its title with the CSV and XLSX downloads of its table (written by the analytics feature), then its content. */
class ExportableSection extends Composite<VerticalLayout> {

    ExportableSection(String titleKey, String id, AnalyticsExport.Table table, AnalyticsService analytics,
                      Supplier<AnalyticsSummary> summary, Component... content) {
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation(titleKey)),
                download(table, AnalyticsExport.Format.CSV, analytics, summary, getTranslation("analytics.export-csv"), id + "-csv"),
                download(table, AnalyticsExport.Format.XLSX, analytics, summary, getTranslation("analytics.export-xlsx"), id + "-xlsx"));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(header);
        getContent().add(content);
    }

    private static Anchor download(AnalyticsExport.Table table, AnalyticsExport.Format format, AnalyticsService analytics,
                                   Supplier<AnalyticsSummary> summary, String label, String id) {
        Anchor download = new Anchor(event -> {
            event.setFileName(table.fileName(format));
            event.setContentType(format.contentType());
            analytics.export(table, format, summary.get(), event.getOutputStream());
        }, label);
        download.setId(id);
        return download;
    }
}
