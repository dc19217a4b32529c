package it.expertfeedback.base.ui;

import java.util.List;

/**
 * Tiles a feature contributes to the home page, so the shell shows each feature's counts without depending on
 * the features (like {@link ProfileSection}). Implementations are Spring beans and decide per signed-in user.
 */
public interface HomeTiles {

    /** The tiles for the signed-in user, possibly none. */
    List<Tile> forCurrentUser();

    /** Contributions are shown in this order, low first. */
    default int order() {
        return 100;
    }
}
