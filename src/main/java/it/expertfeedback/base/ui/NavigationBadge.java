package it.expertfeedback.base.ui;

import java.util.Optional;

/**
 * A count a feature shows next to one of its entries in the side navigation (e.g. "Da revisionare 12"), so the
 * shell shows it without depending on the feature. Implementations are Spring beans and decide per signed-in user.
 */
public interface NavigationBadge {

    /** The @Menu route path the badge belongs to, as in the menu entry (e.g. "/inbox"). */
    String path();

    /** The badge's text for the signed-in user; empty shows none. */
    Optional<String> forCurrentUser();
}
