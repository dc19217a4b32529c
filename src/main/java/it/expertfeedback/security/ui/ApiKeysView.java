package it.expertfeedback.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.AppDatePicker;
import it.expertfeedback.base.ui.FieldErrors;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.security.ApiKeyRow;
import it.expertfeedback.security.ApiKeyService;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.IssuedApiKey;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The assistant's API keys (DOMAIN.md §1): create one (its secret is shown once, only its SHA-256 is kept), see when
 * each was last used, revoke one.
 */
@Route("admin/api-keys")
@RolesAllowed(AppRoles.ADMIN)
@Menu(order = 94, title = "nav.api-keys", icon = "vaadin:key")
public class ApiKeysView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ApiKeyRow> keys = new Grid<>();
    final TextField name = new TextField();
    final DatePicker expires = new AppDatePicker();
    final Button create = new Button();
    private final FieldErrors errors = new FieldErrors(this);
    private final transient ApiKeyService service;
    private final transient Clock clock;

    ApiKeysView(ApiKeyService service, Clock clock) {
        this.service = service;
        this.clock = clock;
        setMaxWidth("80rem");
        name.setLabel(getTranslation("apikey.name"));
        name.setId("apikey-name");
        name.setMaxLength(100);
        expires.setLabel(getTranslation("apikey.expires"));
        expires.setHelperText(getTranslation("apikey.expires.help"));
        expires.setId("apikey-expires");
        create.setText(getTranslation("apikey.create"));
        create.setId("apikey-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> create());
        errors.bind("name", name).bind("expires_at", expires);
        keys.setId("apikey-grid");
        keys.addColumn(ApiKeyRow::name).setHeader(getTranslation("apikey.name"));
        keys.addColumn(row -> row.keyPrefix() + "…").setHeader(getTranslation("apikey.prefix"));
        keys.addColumn(row -> Formats.dateTime(row.createdAt(), getLocale())).setHeader(getTranslation("apikey.created"));
        keys.addColumn(row -> row.createdBy() == null ? "—" : row.createdBy()).setHeader(getTranslation("apikey.created-by"));
        keys.addColumn(row -> row.expiresAt() == null ? "—" : Formats.dateTime(row.expiresAt(), getLocale()))
                .setHeader(getTranslation("apikey.expires"));
        keys.addColumn(row -> row.lastUsedAt() == null ? getTranslation("apikey.never") : Formats.dateTime(row.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("apikey.last-used"));
        keys.addColumn(row -> getTranslation(row.revokedAt() != null ? "apikey.revoked"
                : row.usable(clock.instant()) ? "apikey.active" : "apikey.expired")).setHeader(getTranslation("apikey.state"));
        keys.addComponentColumn(row -> {
            Button revoke = new Button(getTranslation("apikey.revoke"), click -> {
                if (UiErrors.run(this, () -> service.revoke(row.id())) == UiErrors.Outcome.DONE) {
                    refresh();
                }
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled(row.revokedAt() == null);
            return revoke;
        });
        HorizontalLayout form = new HorizontalLayout(name, expires, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("nav.api-keys")), new Paragraph(getTranslation("apikey.help")), form, keys);
        refresh();
    }

    private void create() {
        LocalDate day = expires.getValue();
        Instant expiry = day == null ? null : day.plusDays(1).atStartOfDay(Formats.ITALY).toInstant();
        IssuedApiKey[] issued = new IssuedApiKey[1];
        if (UiErrors.run(this, errors, () -> issued[0] = service.create(name.getValue(), expiry)) == UiErrors.Outcome.DONE) {
            name.clear();
            expires.clear();
            refresh();
            showOnce(issued[0]);
        }
    }

    private void showOnce(IssuedApiKey issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("apikey.created-title", issued.name()));
        TextField secret = new TextField();
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setId("apikey-secret");
        dialog.add(new VerticalLayout(new Paragraph(getTranslation("apikey.shown-once")), secret));
        Button close = new Button(getTranslation("common.close"), click -> dialog.close());
        close.setId("apikey-secret-close");
        dialog.getFooter().add(close);
        dialog.setWidth("40rem");
        dialog.open();
    }

    private void refresh() {
        keys.setItems(service.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.api-keys");
    }
}
