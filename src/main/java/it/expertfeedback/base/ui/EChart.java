package it.expertfeedback.base.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A chart drawn in the browser by Apache ECharts (free, Apache-2.0; the webjar serves the script) with its SVG
 * renderer, so bars and labels are elements a test can click. The server sends the option as JSON; clicks on a
 * data item or an axis label come back as (series name, item name).
 */
public class EChart extends Div {

    static final String SCRIPT = "webjars/echarts/5.3.1/dist/echarts.min.js";

    private final List<BiConsumer<String, String>> clickListeners = new ArrayList<>();
    private String option = "{}";

    public EChart() {
        setWidthFull();
        setHeight("22rem");
    }

    /** The ECharts option as JSON; drawn (or redrawn) as soon as the script is loaded. */
    public void setOption(String json) {
        this.option = json;
        getElement().executeJs("""
                const el = this;
                window.__efsEcharts = window.__efsEcharts || new Promise((resolve, reject) => {
                  const script = document.createElement('script');
                  script.src = $1;
                  script.onload = resolve;
                  script.onerror = reject;
                  document.head.appendChild(script);
                });
                window.__efsEcharts.then(() => {
                  if (!el.__chart) {
                    el.__chart = echarts.init(el, null, {renderer: 'svg'});
                    el.__chart.on('click', p => el.$server.itemClicked(p.seriesName || '', p.name || p.value || ''));
                    new ResizeObserver(() => el.__chart.resize()).observe(el);
                  }
                  el.__chart.setOption(JSON.parse($0), true);
                  el.setAttribute('data-rendered', 'true');
                });""", json, SCRIPT);
    }

    public String getOption() {
        return option;
    }

    public void addItemClickListener(BiConsumer<String, String> listener) {
        clickListeners.add(listener);
    }

    @ClientCallable
    void itemClicked(String seriesName, String itemName) {
        clickListeners.forEach(listener -> listener.accept(seriesName, itemName));
    }
}
