/* Northern Border Atlas: browser-side callbacks. Moving the slider restyles the map here, with no
   server round trip. Mirrors dashboard/figures.py (map_figure, border_lines, visible_events) and
   dashboard/layout.py (change_text, event_class); tests/test_browser.py checks they agree. */
(function () {
    "use strict";
    var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"];
    var T = {context: 0, units: 1, hatch: 2, edges_approx: 3, ghost: 4,
        border_close: 5, border_approx: 6, selected: 7, events: 8, event_selected: 9};

    function words(iso) {
        var p = iso.split("-");
        return parseInt(p[2], 10) + " " + MONTHS[parseInt(p[1], 10) - 1] + " " + parseInt(p[0], 10);
    }

    function borderLines(data, ids, approx) {
        var lons = [], lats = [];
        for (var n = 0; n < ids.length; n++) {
            var i = ids[n];
            if (approx !== null && Boolean(data.edgeApprox[i]) !== approx) { continue; }
            if (lons.length) { lons.push(null); lats.push(null); }
            var e = data.edges[i];
            Array.prototype.push.apply(lons, e[0]);
            Array.prototype.push.apply(lats, e[1]);
        }
        return [lons, lats];
    }

    function unitOutline(data, unit) {
        var u = unit ? data.units.indexOf(unit) : -1;
        if (u < 0) { return [[], []]; }
        var ids = [];
        for (var i = 0; i < data.edgeUnits.length; i++) {
            if (data.edgeUnits[i][0] === u || data.edgeUnits[i][1] === u) { ids.push(i); }
        }
        return borderLines(data, ids, null);
    }

    function visibleEvents(data, stop) {
        var when = data.stops[stop], past = [], future = [];
        for (var i = 0; i < data.events.length; i++) {
            if (data.events[i].date <= when) { past.push(i); } else if (future.length < 3) { future.push(i); }
        }
        return past.slice(-3).concat(future);
    }

    function hover(data, state) {
        var rows = [];
        for (var i = 0; i < data.unitNames.length; i++) {
            var s = state.s[i];
            var line = s >= 0 ? data.statuses[s].label : "No data";
            var claims = state.c[i].map(function (c) { return data.claimants[c]; });
            if (claims.length) { line += "; claimed by " + claims.join(", "); }
            rows.push([data.unitNames[i], line,
                data.unitApprox[i] ? "Border approximate" : "Border close to historical"]);
        }
        return rows;
    }

    function hatch(data, state) {
        var lons = [], lats = [];
        for (var i = 0; i < state.s.length; i++) {
            var s = state.s[i];
            if (s >= 0 && data.statuses[s].hatch) {
                Array.prototype.push.apply(lons, data.hatch[i][0]);
                Array.prototype.push.apply(lats, data.hatch[i][1]);
            }
        }
        return [lons, lats];
    }

    function changeText(data, stop) {
        var k = data.stopState[stop], state = data.states[k];
        if (k > 0 && data.stops[stop] === state.date) {
            var year = state.date.slice(0, 4), same = [];
            for (var i = 1; i < data.states.length; i++) {
                if (data.states[i].date.slice(0, 4) === year) { same.push(i); }
            }
            var parts = state.changes.map(function (c) {
                return data.unitNames[c[0]] + ": " + (c[2] >= 0 ? data.statuses[c[2]].label : "no data");
            });
            var count = same.length > 1 ?
                " (change " + (same.indexOf(k) + 1) + " of " + same.length + " in " + year + ")" : "";
            return "Changed on this date" + count + ": " + parts.join("; ") + ".";
        }
        if (k === 0) { return "The map shows the status at the start of the atlas."; }
        return "Last change: " + words(state.date) + ".";
    }

    function clampStop(data, value) {
        var v = typeof value === "number" && isFinite(value) ? Math.round(value) : 0;
        return Math.max(0, Math.min(data.stops.length - 1, v));
    }

    function mapUpdate(data, stop, mode, unit, selectedEvent, last) {
        /* The dynamic traces of the map at a slider position: {sig: {...}, traces: [...], attrs: [...]},
           keeping only traces whose signature differs from `last` (what the map shows now). */
        var k = data.stopState[stop], state = data.states[k];
        var vis = visibleEvents(data, stop);
        var chosen = data.events.filter(function (e) { return e.id === selectedEvent && e.stop === stop; });
        var sig = {units: k, hatch: k, ghost: k + mode, border: k + mode, selected: unit || "",
            events: vis.join(","), chosen: chosen.length ? chosen[0].id : ""};
        var out = [];
        function changed(key) { return !last || last[key] !== sig[key]; }
        if (changed("units")) {
            out.push([T.units, {z: state.s.map(function (s) { return s >= 0 ? s : 0; }), customdata: hover(data, state)}]);
        }
        if (changed("hatch")) {
            var ht = hatch(data, state);
            out.push([T.hatch, {lon: ht[0], lat: ht[1]}]);
        }
        if (changed("ghost")) {
            var g = state.ghost[mode];
            var ghost = g >= 0 ? borderLines(data, data.states[g].b[mode], null) : [[], []];
            out.push([T.ghost, {lon: ghost[0], lat: ghost[1]}]);
        }
        if (changed("border")) {
            var close = borderLines(data, state.b[mode], false), approx = borderLines(data, state.b[mode], true);
            out.push([T.border_close, {lon: close[0], lat: close[1]}]);
            out.push([T.border_approx, {lon: approx[0], lat: approx[1]}]);
        }
        if (changed("selected")) {
            var sel = unitOutline(data, unit);
            out.push([T.selected, {lon: sel[0], lat: sel[1]}]);
        }
        if (changed("events")) {
            var evs = vis.map(function (i) { return data.events[i]; });
            out.push([T.events, {lon: evs.map(function (e) { return e.lon; }), lat: evs.map(function (e) { return e.lat; }),
                text: evs.map(function (e) { return e.place; }), customdata: evs.map(function (e) { return e.id; })}]);
        }
        if (changed("chosen")) {
            out.push([T.event_selected, {lon: chosen.map(function (e) { return e.lon; }),
                lat: chosen.map(function (e) { return e.lat; }), text: chosen.map(function (e) { return e.title; }),
                customdata: chosen.map(function (e) { return e.id; })}]);
        }
        return {sig: sig, traces: out};
    }

    var latest = 0;
    function whenMapReady(draw) {
        /* Draw now if the map has been plotted; otherwise (page still loading) retry until it has,
           dropping the request if a newer one arrived meanwhile. */
        var token = ++latest;
        (function attempt() {
            if (token !== latest) { return; }
            var gd = document.querySelector("#map .js-plotly-plot");
            if (gd && gd.data && gd._fullLayout && window.Plotly) { draw(gd); } else { setTimeout(attempt, 40); }
        }());
    }

    function markDrawn(gd, stop) {
        gd.setAttribute("data-drawn-stop", String(stop));
        gd.dispatchEvent(new CustomEvent("atlas:drawn", {detail: {stop: stop}}));
    }

    function restyleMap(gd, update, stop) {
        /* One Plotly.restyle for every changed trace (undefined leaves an attribute alone). */
        if (!update.traces.length) { markDrawn(gd, stop); return; }
        var keys = {}, idx = [];
        update.traces.forEach(function (t) { Object.keys(t[1]).forEach(function (key) { keys[key] = []; }); });
        update.traces.forEach(function (t) {
            idx.push(t[0]);
            Object.keys(keys).forEach(function (key) {
                var v = t[1][key];
                keys[key].push(v);  /* one value per trace; undefined leaves it as it is */
            });
        });
        gd.__atlasSig = update.sig;
        window.Plotly.restyle(gd, keys, idx).then(function () { markDrawn(gd, stop); });
    }

    function setText(id, text) {
        var node = document.getElementById(id);
        if (node && node.textContent !== text) { node.textContent = text; }
    }

    function make(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    function renderEvents(data, stop, selected) {
        /* The event list is owned by this script (Dash renders the empty <ol>): rebuilt only when
           the events near the date, the date or the chosen event change. */
        var list = document.getElementById("event-list");
        if (!list) { return; }
        var when = data.stops[stop], vis = visibleEvents(data, stop);
        var key = vis.join(",") + "|" + when + "|" + (selected || "");
        if (list.getAttribute("data-key") === key) { return; }
        list.setAttribute("data-key", key);
        var frag = document.createDocumentFragment();
        vis.forEach(function (i) {
            var ev = data.events[i];
            var li = make("li", {"class": "event" + (ev.date === when ? " current" : "") +
                (ev.id === selected ? " chosen" : ""), id: "event-" + ev.id});
            var head = make("div");
            head.appendChild(make("time", {datetime: ev.date, "class": "event-date"}, ev.words));
            if (ev.place) { head.appendChild(make("span", {"class": "event-place"}, " · " + ev.place)); }
            li.appendChild(head);
            li.appendChild(make("button", {type: "button", "class": "event-title", "data-index": String(i),
                title: "Show this event on the map"}, ev.title));
            li.appendChild(make("p", {"class": "event-summary"}, ev.summary));
            if (ev.dateNote) { li.appendChild(make("p", {"class": "date-note"}, ev.dateNote)); }
            if (ev.uncertainty) { li.appendChild(make("p", {"class": "uncertainty"}, "Uncertain: " + ev.uncertainty)); }
            var srcs = (ev.sources || []).filter(function (src) { return src.url; });
            if (srcs.length) {
                var ul = make("ul", {"class": "sources"});
                srcs.forEach(function (src) {
                    var item = make("li");
                    item.appendChild(make("a", {href: src.url, target: "_blank", rel: "noopener noreferrer"},
                        src.title || src.url));
                    ul.appendChild(item);
                });
                li.appendChild(ul);
            }
            frag.appendChild(li);
        });
        list.replaceChildren(frag);
    }

    function render(value, mode, unit, selectedEvent, data, renderMode, prevState) {
        /* The slider path. Everything here runs in the browser: the map is restyled in place (only
           the traces that change), the texts, the event list and the area chart's date line are
           updated directly, so a step costs one Plotly redraw and no Dash re-render. */
        var NU = window.dash_clientside.no_update;
        window.__atlasData = data;
        var stop = clampStop(data, value);
        mode = mode === "claim" ? "claim" : "control";
        var k = data.stopState[stop], when = data.stops[stop];
        var chosen = data.events.filter(function (e) { return e.id === selectedEvent && e.stop === stop; });
        var request = NU;
        if (renderMode === "server") {
            request = {stop: stop, mode: mode, unit: unit || null, event: chosen.length ? selectedEvent : null};
        } else {
            whenMapReady(function (gd) {
                restyleMap(gd, mapUpdate(data, stop, mode, unit, selectedEvent, gd.__atlasSig), stop);
            });
        }
        setText("date-text", words(when));
        setText("change-text", changeText(data, stop));
        renderEvents(data, stop, selectedEvent);
        var marker = document.getElementById("area-date");
        if (marker) { marker.style.setProperty("--f", String(data.stopFrac[stop])); }
        return [k === prevState ? NU : k, request];
    }

    function init(data, value, selectedEvent) {
        /* On page load: fill the event list (owned by this script) for the opening date. */
        window.__atlasData = data;
        renderEvents(data, clampStop(data, value), selectedEvent);
        return true;
    }

    function triggered() {
        var ctx = window.dash_clientside.callback_context;
        return ctx && ctx.triggered_id !== undefined ? ctx.triggered_id : null;
    }

    function navigate(play, ticks, prev, next, click, value, stopped, data) {
        var NU = window.dash_clientside.no_update;
        var id = triggered(), last = data.stops.length - 1, stop = clampStop(data, value), i;
        if (id === "play-button") {
            if (!stopped) { return [NU, true, "Play", NU]; }
            return [stop >= last ? 0 : NU, false, "Pause", NU];
        }
        if (id === "play-interval") {
            if (stopped) { return [NU, NU, NU, NU]; }
            if (stop + 1 >= last) { return [last, true, "Play", NU]; }
            return [stop + 1, NU, NU, NU];
        }
        if (id === "prev-change" || id === "next-change") {
            var target = null;
            if (id === "next-change") {
                for (i = 0; i < data.changeStops.length; i++) {
                    if (data.changeStops[i] > stop) { target = data.changeStops[i]; break; }
                }
            } else {
                for (i = data.changeStops.length - 1; i >= 0; i--) {
                    if (data.changeStops[i] < stop) { target = data.changeStops[i]; break; }
                }
            }
            return [target === null ? NU : target, NU, NU, NU];
        }
        var ev = null;
        if (id === "map" && click && click.points && click.points.length) {
            var pt = click.points[0];
            if (pt.curveNumber === T.events || pt.curveNumber === T.event_selected) {
                ev = data.events.filter(function (e) { return e.id === pt.customdata; })[0] || null;
            }
        }
        if (ev && ev.stop >= 0) { return [ev.stop, NU, NU, ev.id]; }
        return [NU, NU, NU, NU];
    }

    function select(click, clear) {
        var NU = window.dash_clientside.no_update;
        var id = triggered();
        if (id === "clear-selection") { return null; }
        if (!click || !click.points || !click.points.length) { return NU; }
        var pt = click.points[0];
        if (pt.curveNumber === T.units) { return pt.location; }
        if (pt.curveNumber === T.context) { return null; }
        return NU;
    }

    function detailsRequest(state, unit, previous) {
        var NU = window.dash_clientside.no_update;
        if (!unit) { return previous && previous.unit ? null : NU; }
        if (previous && previous.unit === unit && previous.state === state) { return NU; }
        return {unit: unit, state: state};
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        atlas: {render: render, init: init, navigate: navigate, select: select, detailsRequest: detailsRequest,
            words: words, changeText: changeText, mapUpdate: mapUpdate, visibleEvents: visibleEvents}
    });

    /* Clicking an event's title moves the map to its date and marks its place. */
    document.addEventListener("click", function (e) {
        var btn = e.target.closest ? e.target.closest("#event-list button.event-title") : null;
        if (!btn || !window.dash_clientside.set_props) { return; }
        var data = window.__atlasData;
        var ev = data ? data.events[parseInt(btn.getAttribute("data-index"), 10)] : null;
        if (!ev || ev.stop < 0) { return; }
        window.dash_clientside.set_props("selected-event", {data: ev.id});
        window.dash_clientside.set_props("year-slider", {value: ev.stop});
    });

    /* A click on empty map (sea, or outside every region) clears the selection. Plotly reports no
       click there, so watch the DOM: a short press with no plotly_click after it counts. */
    var down = null, pointClicked = false, hooked = null;
    function hook(gd) {
        if (hooked === gd || !gd.on) { return; }
        hooked = gd;
        gd.on("plotly_click", function () { pointClicked = true; });
    }
    document.addEventListener("mousedown", function (e) {
        var gd = e.target.closest ? e.target.closest("#map .js-plotly-plot") : null;
        down = gd && e.target.closest(".geo") ? {x: e.clientX, y: e.clientY} : null;
        if (gd) { hook(gd); }
        pointClicked = false;
    }, true);
    document.addEventListener("mouseup", function (e) {
        if (!down) { return; }
        var moved = Math.abs(e.clientX - down.x) + Math.abs(e.clientY - down.y);
        down = null;
        if (moved > 4) { return; }
        setTimeout(function () {
            if (!pointClicked && window.dash_clientside.set_props) {
                window.dash_clientside.set_props("region-picker", {value: null});
            }
        }, 120);
    }, true);
}());
