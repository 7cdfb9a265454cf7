/* Northern Border Atlas, static export: stands in for Dash. The page is the app's own layout written out as HTML
   (dashboard/export.py) and the app's own scripts run it; this file wires the plain widgets to them and answers
   what the server would (region details from data/details-<lang>.js). Config: NBA.exportConfig. */
(function (root) {
    "use strict";
    var NBA = root.NBA, cfg = NBA.exportConfig, A = NBA.atlas, M = NBA.model;
    var C = root.dash_clientside.classroom, D = root.dash_clientside.atlas;
    var slider = document.getElementById("year-slider"), tourState = null, timer = null;   /* Dash's value: a hidden input */
    var emptyDetails = (document.getElementById("details-panel") || {}).innerHTML || "";

    function byId(id) { return document.getElementById(id); }
    function page() { return NBA.page; }

    function details(request) {
        /* The region details the server would send: the unit's period at the shown state, its "now" mark placed. */
        var panel = byId("details-panel"), d = page().data;
        if (!panel) { return; }
        if (!request || !request.unit) { panel.innerHTML = emptyDetails; return; }
        var iso = d.states[request.state].date, rows = NBA.preloaded["details-" + cfg.lang + ".json"][request.unit] || [];
        var row = rows.filter(function (r) { return r[0] <= iso; }).pop() || rows[0];
        panel.innerHTML = row ? row[1] : emptyDetails;
        var now = panel.querySelector(".strip .now"), first = Date.parse(d.first), last = Date.parse(d.last);
        if (now) { now.style.left = (100 * (Date.parse(iso) - first) / (last - first)).toFixed(3) + "%"; }
    }

    var TOUR_OUT = {"tour-caption": "textContent", "tour-step": "textContent", "tour-notice": "textContent",
        "tour-start": "textContent", "tour-answer": "textContent"};

    function setProps(id, props) {
        var p = page();
        if (id === "year-slider") { A.step(props.value); } else if (id === "selected-event") {
            A.setView(p.mode, p.unit, props.data);
        } else if (id === "region-picker") {
            var sel = byId("region-picker");
            if (sel) { sel.value = props.value || ""; }
            A.setView(p.mode, props.value, p.chosen);
        } else if (id === "details-request") { details(props.data); } else if (id === "tour-state") {
            tourState = props.data;
        } else if (id === "tour") { byId("tour").className = props.className; } else if (TOUR_OUT[id]) {
            byId(id).textContent = props.children;
        } else if (id === "tour-prev" || id === "tour-next") { byId(id).disabled = props.disabled; }
    }
    root.dash_clientside.set_props = setProps;
    root.dash_clientside.no_update = {};

    function call(fn, id, args) {
        root.dash_clientside.callback_context = {triggered_id: id};
        return fn.apply(null, args);
    }

    function apply(out, ids) {
        /* A callback's outputs written as Dash would (no_update leaves a property alone). */
        ids.forEach(function (o, n) {
            if (out[n] === root.dash_clientside.no_update) { return; }
            var props = {};
            props[o[1]] = out[n];
            if (o[0] === "year-slider") { A.step(out[n]); } else if (o[0] === "play-interval") { play(!out[n]); } else if (o[0] === "play-button") {
                byId("play-button").textContent = out[n];
            } else { setProps(o[0], props); }
        });
    }

    var NAV = [["year-slider", "value"], ["play-interval", "disabled"], ["play-button", "children"]];
    var TOUR = C.tourOutputs;

    function navigate(id) {
        apply(call(D.navigate, id, [0, 0, 0, 0, page().stop, timer === null]), NAV);
    }

    function play(on) {
        clearInterval(timer);
        timer = on ? setInterval(function () { navigate("play-interval"); }, cfg.playMs) : null;
    }

    function tour(id) {
        apply(call(C.tour, id, [0, 0, 0, 0, 0, 0, root.location.search, cfg.tour, tourState]), TOUR);
    }

    function readView(d, search) {
        /* ?year= / ?date=, region and mode from the address (a link into the copy opens that view). */
        var q = new URLSearchParams(search), out = {stop: cfg.start, unit: null, mode: "control"};
        var date = q.get("date") || (q.get("year") && /^\d{4}$/.test(q.get("year")) ? q.get("year") + "-01-01" : null);
        if (date && date >= d.first && date <= d.last) { out.stop = M.stopOf(d, date); }
        if (q.get("region") && d.units.indexOf(q.get("region")) >= 0) { out.unit = q.get("region"); }
        if (q.get("mode") === "claim") { out.mode = "claim"; }
        return out;
    }

    document.addEventListener("atlas:drawn", function (e) {
        var d = page().data, stop = e.detail.stop;
        slider.value = String(stop);   /* the hidden value Dash would hold */
        var geo = byId("download-geojson"), csv = byId("download-csv");
        if (csv) { csv.setAttribute("href", "downloads/events-" + cfg.lang + ".csv"); }
    }, true);
    function downloadBorders(e) {
        /* The GeoJSON link of the page opened from disk: the shown day's borders, cut from the file of every
           unit and span (data/borders-all.js, loaded on the first click), as the server's download would be. */
        e.preventDefault();
        e.stopPropagation();
        var iso = page().data.stops[page().stop], have = NBA.preloaded["borders-all.geojson"];
        function save() {
            var doc = M.bordersAt(NBA.preloaded["borders-all.geojson"], iso), a = document.createElement("a");
            a.download = doc.name + ".geojson";
            a.href = URL.createObjectURL(new Blob([JSON.stringify(doc)], {type: "application/geo+json"}));
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
        }
        if (have) { save(); return; }
        var script = document.createElement("script");
        script.src = "data/borders-all.js";
        script.onload = save;
        document.body.appendChild(script);
    }
    if (byId("download-geojson")) { byId("download-geojson").addEventListener("click", downloadBorders); }
    /* Dash's dcc.Clipboard, as it would copy: the text of its target field */
    document.querySelectorAll("button[data-target]").forEach(function (btn) {
        btn.addEventListener("click", function () {
            var field = byId(btn.getAttribute("data-target"));
            if (!field || !navigator.clipboard) { return; }
            navigator.clipboard.writeText(field.value).then(function () {
                var tick = document.createElement("span");
                tick.className = "copied";
                tick.textContent = " ✓";
                btn.appendChild(tick);
                setTimeout(function () { tick.remove(); }, 1000);
            }, function () { field.focus(); field.select(); });
        });
    });
    ["play-button", "prev-change", "next-change"].forEach(function (id) {
        byId(id).addEventListener("click", function () { navigate(id); });
    });
    ["tour-start", "tour-prev", "tour-next", "tour-exit", "tour-reveal", "tour-predict"].forEach(function (id) {
        byId(id).addEventListener("click", function () { tour(id); });
    });
    document.querySelectorAll("#mode-switch input").forEach(function (input) {
        input.addEventListener("change", function () { if (input.checked) { A.setView(input.value, page().unit, page().chosen); } });
    });
    byId("region-picker").addEventListener("change", function (e) { A.setView(page().mode, e.target.value || null, page().chosen); });

    A.start(cfg, cfg.start).then(function (d) {
        var v = readView(d, root.location.search);
        var radio = document.querySelector("#mode-switch input[value=" + v.mode + "]");
        if (radio) { radio.checked = true; }
        byId("region-picker").value = v.unit || "";
        A.setView(v.mode, v.unit, null);
        A.step(v.stop);
        if (root.Plotly && byId("area-chart")) {
            root.Plotly.newPlot("area-chart", cfg.area.data, cfg.area.layout, {displayModeBar: false, responsive: true});
        }
        tour("url");
    });
}(window));
