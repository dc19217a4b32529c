package it.expertfeedback.base.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;

/**
 * A decimal input that speaks the user's language: "0,85" in Italian (BigDecimalField takes the UI locale's decimal
 * separator), where a NumberField — an HTML number input — always shows and asks for "0.85". Holds a Double, as the
 * NumberFields it replaces did; ranges are checked by the rules behind the form (FieldErrors shows them).
 */
public class DecimalField extends CustomField<Double> {

    private final BigDecimalField input = new BigDecimalField();

    public DecimalField() {
        input.setWidthFull();
        input.addValueChangeListener(change -> updateValue());
        add(input);
    }

    @Override
    protected Double generateModelValue() {
        BigDecimal value = input.getValue();
        return value == null ? null : value.doubleValue();
    }

    @Override
    protected void setPresentationValue(Double value) {
        // Through the decimal's text, so 0.85 shows as 0,85 and not as 0,84999999999999997779553950749686919152736663818359375.
        input.setValue(value == null || value.isNaN() || value.isInfinite() ? null : new BigDecimal(Double.toString(value)).stripTrailingZeros());
    }

    public void setPlaceholder(String placeholder) {
        input.setPlaceholder(placeholder);
    }

    public void setClearButtonVisible(boolean visible) {
        input.setClearButtonVisible(visible);
    }

    public void setValueChangeMode(ValueChangeMode mode) {
        input.setValueChangeMode(mode);
    }
}
