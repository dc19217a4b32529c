package it.expertfeedback.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The answer to an unknown page and to a page the signed-in user may not open (Vaadin turns a refusal into "not
 * found", so nobody learns which pages exist). Replaces Vaadin's default, which in development mode lists every
 * route of the application and in production mode repeats the access checker's reason.
 */
@AnonymousAllowed
public class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("page-not-found");
        add(new H2(getTranslation("page-not-found.title")), new Paragraph(getTranslation("page-not-found.message")),
                new Anchor("", getTranslation("page-not-found.home")));
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
