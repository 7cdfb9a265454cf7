/* Northern Border Atlas, static export: drives index.html with no server. The map is drawn and restyled by
   the app's own code (assets/atlas.js: render), the tour by assets/classroom.js (tourStep); this file only
   wires a plain range input and buttons to them. Data: window.ATLAS_STATIC, set by atlas-data.js. */
(function () {
    "use strict";
    var S = window.ATLAS_STATIC, data = S.data, A = window.dash_clientside.atlas, C = window.dash_clientside.classroom;
    var slider = document.getElementById("year-slider");
    var plot = document.getElementById("map-plot");
    var view = {mode: "control", event: null, tour: null};

    function byId(id) { return document.getElementById(id); }

    function update() {
        var stop = parseInt(slider.value, 10) || 0;
        A.render(stop, view.mode, null, view.event, data, "client", -1);
        slider.setAttribute("aria-valuetext", A.words(data.stops[stop]));
    }

    function go(stop) {
        slider.value = String(stop);
        update();
    }

    function showTour(r) {
        if (!r) { return; }
        view.tour = r.state;
        byId("tour").className = r.cls;
        byId("tour-caption").textContent = r.caption;
        byId("tour-step").textContent = r.step;
        byId("tour-prev").disabled = r.prevDisabled;
        byId("tour-next").disabled = r.nextDisabled;
        byId("tour-start").textContent = r.label;
        if (r.notice !== null) { byId("tour-notice").textContent = r.notice; }
        if (r.stop !== null) { go(r.stop); }
    }

    function changeStop(dir) {
        var stop = parseInt(slider.value, 10) || 0, cs = data.changeStops, i;
        if (dir > 0) {
            for (i = 0; i < cs.length; i++) { if (cs[i] > stop) { return go(cs[i]); } }
        } else {
            for (i = cs.length - 1; i >= 0; i--) { if (cs[i] < stop) { return go(cs[i]); } }
        }
    }

    slider.addEventListener("input", update);
    byId("prev-change").addEventListener("click", function () { changeStop(-1); });
    byId("next-change").addEventListener("click", function () { changeStop(1); });
    Array.prototype.forEach.call(document.querySelectorAll("input[name=mode]"), function (input) {
        input.addEventListener("change", function () { if (input.checked) { view.mode = input.value; update(); } });
    });
    ["start", "prev", "next", "exit"].forEach(function (action) {
        byId("tour-" + action).addEventListener("click", function () {
            showTour(C.tourStep(action, window.location.search, S.tour, view.tour, data));
        });
    });
    /* an event's title moves the map to its date and marks its place, as in the app */
    byId("event-list").addEventListener("click", function (e) {
        var btn = e.target.closest ? e.target.closest("button.event-title") : null;
        var ev = btn ? data.events[parseInt(btn.getAttribute("data-index"), 10)] : null;
        if (!ev || ev.stop < 0) { return; }
        view.event = ev.id;
        go(ev.stop);
    });

    window.Plotly.newPlot(plot, S.figure.data, S.figure.layout, S.config).then(function () {
        update();
        showTour(C.tourStep("url", window.location.search, S.tour, null, data));
        document.body.setAttribute("data-ready", "1");
    });
}());
