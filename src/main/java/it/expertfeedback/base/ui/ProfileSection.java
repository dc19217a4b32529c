package it.expertfeedback.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the signed-in expert's profile page contributed by another feature (e.g. analytics' own
 * statistics), so the expert feature does not depend on it. Implementations are Spring beans.
 */
public interface ProfileSection {

    /** The section for the signed-in user, or empty when it has nothing to show. */
    Optional<Component> forCurrentUser();

    /** Sections are shown in this order, low first. */
    default int order() {
        return 100;
    }
}
