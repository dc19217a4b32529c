package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/** A titled {@link DiffView} that shows itself only while there is a correction to compare with the original. */
public class DiffPanel extends Composite<Div> {

    private final DiffView diff = new DiffView();

    public DiffPanel(String titleKey, String diffId) {
        diff.setId(diffId);
        diff.setVisible(false);
        getContent().add(new H3(getTranslation(titleKey)), diff);
    }

    /** Compares the texts, or hides the comparison when the correction is blank. */
    public void refresh(String original, String correction) {
        boolean hasCorrection = correction != null && !correction.isBlank();
        diff.setVisible(hasCorrection);
        if (hasCorrection) {
            diff.show(original, correction);
        }
    }
}
