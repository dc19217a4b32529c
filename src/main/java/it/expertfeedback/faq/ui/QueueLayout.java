package it.expertfeedback.faq.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.shared.Registration;

/**
 * The queue's list and detail: side by side on a desktop, and on a phone (narrower than {@value #NARROW_PX} px) one
 * at a time, list → detail with a "back to the list" button, since a split of 390 px leaves neither side usable.
 */
class QueueLayout extends VerticalLayout {

    static final int NARROW_PX = 800;

    final Button backToList = new Button();
    private final Component list;
    private final Component detail;
    private final SplitLayout split = new SplitLayout();
    private boolean narrow;
    private boolean detailShown;
    private Registration resize;

    QueueLayout(Component list, Component detail) {
        this.list = list;
        this.detail = detail;
        setPadding(false);
        setSizeFull();
        backToList.setText("← " + getTranslation("faq.back-to-list"));
        backToList.setId("faq-back-to-list");
        backToList.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        backToList.addClickListener(click -> showList());
        backToList.setVisible(false);
        split.setSplitterPosition(45);
        split.setSizeFull();
        wide();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().retrieveExtendedClientDetails(details -> adapt(details.getWindowInnerWidth()));
        resize = attach.getUI().getPage().addBrowserWindowResizeListener(event -> adapt(event.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resize != null) {
            resize.remove();
        }
    }

    /** The detail came into view (a row was opened): on a phone it replaces the list. */
    void showDetail() {
        detailShown = true;
        if (narrow) {
            list.setVisible(false);
            detail.setVisible(true);
            backToList.setVisible(true);
        }
    }

    void showList() {
        detailShown = false;
        if (narrow) {
            list.setVisible(true);
            detail.setVisible(false);
            backToList.setVisible(false);
        }
    }

    private void adapt(int width) {
        boolean nowNarrow = width > 0 && width < NARROW_PX;
        if (nowNarrow == narrow) {
            return;
        }
        narrow = nowNarrow;
        if (narrow) {
            removeAll();
            split.removeAll();
            add(backToList, list, detail);
            if (detailShown) {
                showDetail();
            } else {
                showList();
            }
        } else {
            wide();
        }
    }

    private void wide() {
        removeAll();
        list.setVisible(true);
        detail.setVisible(true);
        backToList.setVisible(false);
        split.addToPrimary(list);
        split.addToSecondary(detail);
        add(split);
    }

    static void action(Button button, String text, String id, Runnable onClick, ButtonVariant... variants) {
        button.setText(text);
        button.setId(id);
        button.addThemeVariants(variants);
        button.addClickListener(click -> onClick.run());
    }
}
