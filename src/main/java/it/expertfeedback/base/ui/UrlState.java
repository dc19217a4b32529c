package it.expertfeedback.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A review screen's filters and selection kept in its URL's query parameters: every change replaces the browser's
 * current history entry (no new entry per keystroke), so Back from a detail, a reload or a shared link lands on the
 * same filtered list. While the view reads the parameters back ({@link #restoring}), changes do not write them.
 */
public final class UrlState {

    private final String route;
    private final Map<String, String> values = new LinkedHashMap<>();
    private boolean restoring;
    private boolean entered;

    public UrlState(String route) {
        this.route = route;
    }

    /** Sets (or, for null / blank, removes) one parameter and updates the address bar. */
    public UrlState put(String name, Object value) {
        if (restoring) {
            return this; // the fields are being set from these very parameters: the ones not read yet must stay
        }
        String text = value == null ? null : String.valueOf(value).strip();
        if (text == null || text.isEmpty()) {
            values.remove(name);
        } else {
            values.put(name, text);
        }
        return this;
    }

    /** Writes the parameters into the current history entry (skipped while the view is reading them back). */
    public void write() {
        UI ui = UI.getCurrent();
        // Before the view is entered (its constructor) the address being entered is still unread: writing it now
        // would replace the link's parameters with the empty defaults.
        if (restoring || !entered || ui == null) {
            return;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        values.forEach((name, value) -> parameters.put(name, List.of(value)));
        ui.getPage().getHistory().replaceState(null, new Location(route, new QueryParameters(parameters)));
    }

    /** Reads the parameters of the address being entered; {@code apply} sets the view's fields from them. */
    public void restore(BeforeEnterEvent event, Runnable apply) {
        values.clear();
        event.getLocation().getQueryParameters().getParameters().forEach((name, list) ->
                list.stream().findFirst().ifPresent(value -> values.put(name, value)));
        restoring = true;
        try {
            apply.run();
        } finally {
            restoring = false;
            entered = true;
        }
    }

    /** One parameter of the address being entered, read before anything the view does can change this state. */
    public static Optional<String> first(BeforeEnterEvent event, String name) {
        return event.getLocation().getQueryParameters().getParameters().getOrDefault(name, List.of()).stream().findFirst();
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<LocalDate> date(String name) {
        try {
            return get(name).map(LocalDate::parse);
        } catch (DateTimeParseException broken) {
            return Optional.empty(); // a broken link simply does not filter by date
        }
    }

    public Optional<Boolean> bool(String name) {
        return get(name).filter(v -> v.equals("true") || v.equals("false")).map(Boolean::valueOf);
    }

    public Optional<Long> number(String name) {
        try {
            return get(name).map(Long::valueOf);
        } catch (NumberFormatException broken) {
            return Optional.empty();
        }
    }
}
