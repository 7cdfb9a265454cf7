/* Northern Border Atlas: browser-side callbacks. Moving the slider restyles the map here, with no
   server round trip. Mirrors dashboard/figures.py (map_figure, border_lines, visible_events) and
   dashboard/layout.py (change_text, event_class); tests/test_browser.py checks they agree. */
(function () {
    "use strict";
    var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"];
    var T = {context: 0, units: 1, hatch: 2, edges_approx: 3, ghost: 4,
        border_close: 5, border_approx: 6, selected: 7, events: 8, event_selected: 9};

    var UI = null;   /* the page's interface strings (data.ui from dashboard/i18n/*.yaml), set by init and render */
    var HTML_LANG = {en: "en", zh: "zh-Hans", mn: "mn-Cyrl"};

    function fill(tpl, values) {
        return String(tpl).replace(/\{(\w+)\}/g, function (all, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
        });
    }

    function words(iso, precision) {
        /* A date in words in the page's language (mirrors dashboard.i18n.date_words). */
        var p = iso.split("-"), y = parseInt(p[0], 10), m = parseInt(p[1], 10), d = parseInt(p[2], 10);
        if (!UI) { return d + " " + MONTHS[m - 1] + " " + y; }
        var tpl = precision === "year" ? UI.dateYear : (precision === "month" ? UI.dateMonth : UI.dateDay);
        return fill(tpl, {y: y, m: m, d: d, month: UI.months[m - 1]});
    }

    function ui(key, fallback) { return UI && UI[key] !== undefined ? UI[key] : fallback; }

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
            var line = s >= 0 ? data.statuses[s].label : ui("noData", "No data");
            var claims = state.c[i].map(function (c) { return data.claimants[c]; });
            if (claims.length) {
                line += ui("partSep", "; ") + fill(ui("claimedBy", "claimed by {claims}"),
                    {claims: claims.join(ui("listSep", ", "))});
            }
            rows.push([data.unitNames[i], line,
                data.unitApprox[i] ? ui("borderApprox", "Border approximate") : ui("borderClose", "Border close to historical")]);
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
                return data.unitNames[c[0]] + ui("colon", ": ") +
                    (c[2] >= 0 ? data.statuses[c[2]].label : ui("noDataShort", "no data"));
            });
            var count = same.length > 1 ? fill(ui("changeCount", " (change {n} of {total} in {year})"),
                {n: same.indexOf(k) + 1, total: same.length, year: year}) : "";
            return fill(ui("changeOn", "Changed on this date{count}: {parts}."),
                {count: count, parts: parts.join(ui("partSep", "; "))});
        }
        if (k === 0) { return ui("changeStart", "The map shows the status at the start of the atlas."); }
        return fill(ui("changeLast", "Last change: {date}."), {date: words(state.date)});
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
            /* not by colour alone: the event on this date and the chosen one also say so in words */
            if (ev.date === when) { head.appendChild(make("span", {"class": "badge"}, ui("onDate", "on this date"))); }
            if (ev.id === selected) { head.appendChild(make("span", {"class": "badge dark"}, ui("chosen", "shown on the map"))); }
            li.appendChild(head);
            var en = ev.en ? {lang: "en"} : {};   /* not translated yet: screen readers read it as English */
            li.appendChild(make("button", Object.assign({type: "button", "class": "event-title", "data-index": String(i),
                title: ui("showEvent", "Show this event on the map")}, en), ev.title));
            li.appendChild(make("p", Object.assign({"class": "event-summary"}, en), ev.summary));
            if (ev.dateNote) { li.appendChild(make("p", Object.assign({"class": "date-note"}, en), ev.dateNote)); }
            if (ev.uncertainty) {
                var unc = make("p", {"class": "uncertainty"}, ui("uncertain", "Uncertain: "));
                unc.appendChild(make("span", en, ev.uncertainty));
                li.appendChild(unc);
            }
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
            /* hook for assets/trust.js: "How each side sees it" for events that are contested moments */
            var extra = window.atlasTrust ? window.atlasTrust.eventExtra(ev.id) : null;
            if (extra) { li.appendChild(extra); }
            frag.appendChild(li);
        });
        list.replaceChildren(frag);
    }

    function sinceState(data, k, i) {
        /* The first state of the run in which unit i has had its current status (mirrors geodata's `since`). */
        var s = data.states[k].s[i], j = k;
        while (j > 0 && data.states[j - 1].s[i] === s) { j--; }
        return j;
    }

    function renderTextView(data, k) {
        /* The table of what the map shows (unit, status, since, other claimants), rebuilt when the state changes. */
        var body = document.getElementById("text-view-body");
        if (!body || body.getAttribute("data-state") === String(k) + data.lang) { return; }
        body.setAttribute("data-state", String(k) + data.lang);
        var state = data.states[k], frag = document.createDocumentFragment();
        for (var i = 0; i < data.units.length; i++) {
            var s = state.s[i], tr = make("tr", {"data-unit": data.units[i]});
            tr.appendChild(make("th", {scope: "row"}, data.unitNames[i]));
            var cell = make("td");
            if (s >= 0) {
                cell.appendChild(make("span", {"class": "swatch" + (data.statuses[s].hatch ? " hatched" : ""),
                    style: "background-color:" + data.statuses[s].color, "aria-hidden": "true"}));
            }
            cell.appendChild(document.createTextNode(s >= 0 ? data.statuses[s].label : ui("noData", "No data")));
            tr.appendChild(cell);
            var since = data.states[sinceState(data, k, i)].date;
            var td = make("td");
            td.appendChild(make("time", {datetime: since}, words(since)));
            tr.appendChild(td);
            var claims = state.c[i].map(function (c) { return data.claimants[c]; });
            tr.appendChild(make("td", {}, claims.length ? claims.join(ui("listSep", ", ")) : ui("none", "—")));
            frag.appendChild(tr);
        }
        body.replaceChildren(frag);
        setText("text-view-caption", fill(ui("caption", "Each region's status on {date}"), {date: words(state.date)}));
    }

    function fixAria(data, stop) {
        /* Dash 4's own widgets need a few attributes to be usable with a screen reader and the keyboard:
           the slider thumb gets a name and the date in words; the border switch is a radio group (not a listbox
           of options wrapping radio buttons); the region picker's real button takes the focus, not a hidden input. */
        var thumb = document.querySelector("#year-slider [role=slider]");
        if (thumb) {
            var label = document.getElementById("controls");
            thumb.setAttribute("aria-label", (label && label.getAttribute("aria-label")) || "Date");
            thumb.setAttribute("aria-valuetext", words(data.stops[stop]));
        }
        var modes = document.getElementById("mode-switch");
        if (modes && modes.getAttribute("role") !== "radiogroup") {
            modes.setAttribute("role", "radiogroup");
            modes.setAttribute("aria-labelledby", "mode-label");
            modes.querySelectorAll("[role=option]").forEach(function (o) {
                o.removeAttribute("role");
                o.removeAttribute("aria-selected");
            });
        }
        var picker = document.getElementById("region-picker"), focusTarget = picker && picker.parentNode ?
            picker.parentNode.querySelector(".dash-dropdown-focus-target") : null;
        if (focusTarget && focusTarget.getAttribute("tabindex") !== "-1") {
            focusTarget.setAttribute("tabindex", "-1");
            picker.setAttribute("tabindex", "0");
        }
        return Boolean(thumb && modes && focusTarget);
    }

    function fixAriaSoon(data, stop) {
        /* The slider and dropdown load asynchronously: retry for a few seconds until they are there. */
        var tries = 0;
        (function attempt() {
            if (!fixAria(data, stop) && ++tries < 50) { setTimeout(attempt, 100); }
        }());
    }

    var textViewTimer = null;
    function scheduleTextView(data, k) {
        /* The table is off screen while the map moves: rebuild it once the slider pauses, not at every step. */
        clearTimeout(textViewTimer);
        textViewTimer = setTimeout(function () { renderTextView(data, k); }, 120);
    }

    var announceTimer = null;
    function announce(text) {
        /* Screen readers hear the date and what changed once the slider rests (not at every step of a drag). */
        clearTimeout(announceTimer);
        announceTimer = setTimeout(function () { setText("announce", text); }, 450);
    }

    function urlFor(data, stop, mode, unit) {
        /* The address of the current view (mirrors dashboard.query.view_query); keeps ?lang= and ?embed=1. */
        var when = data.stops[stop], here = new URLSearchParams(window.location.search), out = new URLSearchParams();
        if (when.slice(5) === "01-01") { out.set("year", String(parseInt(when.slice(0, 4), 10))); } else { out.set("date", when); }
        if (unit) { out.set("region", unit); }
        if (mode === "claim") { out.set("mode", "claim"); }
        if (here.has("lang") || (data.lang && data.lang !== "en")) { out.set("lang", data.lang || "en"); }
        if (here.get("embed") === "1") { out.set("embed", "1"); }
        if (here.has("tour")) { out.set("tour", here.get("tour")); }  /* a teacher's tour: assets/classroom.js */
        return "?" + out.toString();
    }

    var urlTimer = null, pendingUrl = null;
    function scheduleUrl(data, stop, mode, unit) {
        /* history.replaceState at most every 250 ms: no reload, no server call, no new history entry per step. */
        pendingUrl = [data, stop, mode, unit];
        if (urlTimer) { return; }
        urlTimer = setTimeout(flushUrl, 250);
    }

    function flushUrl() {
        /* Write the pending view into the address now (also before a link that carries the view is followed). */
        if (urlTimer) { clearTimeout(urlTimer); }
        urlTimer = null;
        if (!pendingUrl) { return; }
        var a = pendingUrl, query = urlFor(a[0], a[1], a[2], a[3]);
        pendingUrl = null;
        if (query !== window.location.search) {
            window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
        }
        syncLinks(query);
    }

    function withParam(query, key, value) {
        var q = new URLSearchParams(query);
        q.set(key, value);
        return "?" + q.toString();
    }

    function syncLinks(query) {
        /* Links that carry the view: the language switch, "open the full atlas", the share and embed fields. */
        document.querySelectorAll("#language-nav a[data-lang]").forEach(function (a) {
            a.setAttribute("href", withParam(query, "lang", a.getAttribute("data-lang")));
        });
        var full = document.getElementById("open-full");
        if (full) { full.setAttribute("href", withParam(query, "embed", "0")); }
        fillShare();
    }

    function pageUrl(extra) {
        var loc = window.location, query = loc.search;
        if (extra) { Object.keys(extra).forEach(function (k) { query = withParam(query, k, extra[k]); }); }
        return loc.origin + loc.pathname + query;
    }

    function embedCode() {
        var area = document.getElementById("embed-code");
        var title = (area && area.getAttribute("data-frame-title")) || "Northern Border Atlas";
        var esc = function (v) { return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); };
        return '<iframe src="' + esc(pageUrl({embed: "1"})) + '" width="640" height="480" title="' + esc(title) +
            '" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>';
    }

    function fillShare() {
        var link = document.getElementById("share-link"), code = document.getElementById("embed-code");
        if (link) { link.value = pageUrl(); }
        if (code) { code.value = embedCode(); }
    }

    function copyText(text, field, message) {
        /* Clipboard API where the page may use it; else select the field and fall back to execCommand. */
        var status = document.getElementById("share-status");
        function done(ok) {
            if (status) { status.textContent = ok ? message : ui("copyFailed", "Copy the text below."); }
            if (!ok && field) { field.focus(); field.select(); }
        }
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(legacyCopy(field)); });
        } else {
            done(legacyCopy(field));
        }
    }

    function legacyCopy(field) {
        if (!field) { return false; }
        try { field.focus(); field.select(); return document.execCommand("copy"); } catch (e) { return false; }
    }

    function render(value, mode, unit, selectedEvent, data, renderMode, prevState) {
        /* The slider path. Everything here runs in the browser: the map is restyled in place (only
           the traces that change), the texts, the event list and the area chart's date line are
           updated directly, so a step costs one Plotly redraw and no Dash re-render. */
        var NU = window.dash_clientside.no_update;
        window.__atlasData = data;
        UI = data.ui || UI;
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
        var change = changeText(data, stop);
        setText("change-text", change);
        renderEvents(data, stop, selectedEvent);
        scheduleTextView(data, k);
        fixAria(data, stop);
        announce(words(when) + ui("sentenceEnd", ". ") + change);
        scheduleUrl(data, stop, mode, unit);
        var marker = document.getElementById("area-date");
        if (marker) { marker.style.setProperty("--f", String(data.stopFrac[stop])); }
        return [k === prevState ? NU : k, request];
    }

    function init(data, value, selectedEvent) {
        /* On page load: fill the event list and the text view (owned by this script) for the opening date. */
        window.__atlasData = data;
        UI = data.ui || null;
        if (data.lang && HTML_LANG[data.lang]) { document.documentElement.lang = HTML_LANG[data.lang]; }
        var stop = clampStop(data, value);
        renderEvents(data, stop, selectedEvent);
        renderTextView(data, data.stopState[stop]);
        fixAriaSoon(data, stop);
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

    function checkView(search, rendered) {
        /* The server drew the page for the address it saw (the layout request's Referer). If that did not reach
           it (a browser that sends no Referer), ask the server to read the address now. */
        /* set_props, not a return value: a callback output would count as an initial call and make Dash call
           the server on every page load. */
        var here = typeof search === "string" ? search : "";
        if (here !== (rendered || "") && window.dash_clientside.set_props) {
            window.dash_clientside.set_props("view-request", {data: {search: here}});
        }
        return true;
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        atlas: {render: render, init: init, navigate: navigate, select: select, detailsRequest: detailsRequest,
            words: words, changeText: changeText, mapUpdate: mapUpdate, visibleEvents: visibleEvents,
            urlFor: urlFor, checkView: checkView, sinceState: sinceState}
    });

    /* A language link or "open the full atlas" opens the view as it is at this moment. */
    document.addEventListener("click", function (e) {
        if (e.target.closest && e.target.closest("#language-nav a, #open-full")) { flushUrl(); }
    }, true);

    /* Share: copy the link to this view. Embed: show (and copy) an <iframe> snippet of this view. */
    document.addEventListener("click", function (e) {
        var target = e.target.closest ? e.target.closest("#share-button, #embed-button, #copy-embed, #close-embed") : null;
        if (!target) { return; }
        var sharePanel = document.getElementById("share-panel"), embedPanel = document.getElementById("embed-panel");
        var embedButton = document.getElementById("embed-button");
        flushUrl();
        fillShare();
        if (target.id === "share-button") {
            if (sharePanel) { sharePanel.hidden = false; }
            copyText(pageUrl(), document.getElementById("share-link"), ui("copied", "Link copied."));
        } else if (target.id === "embed-button") {
            var open = embedPanel && embedPanel.hidden;
            if (embedPanel) { embedPanel.hidden = !open; }
            if (embedButton) { embedButton.setAttribute("aria-expanded", open ? "true" : "false"); }
            if (open) { document.getElementById("embed-code").focus(); document.getElementById("embed-code").select(); }
        } else if (target.id === "copy-embed") {
            copyText(embedCode(), document.getElementById("embed-code"), ui("codeCopied", "Code copied."));
        } else if (target.id === "close-embed") {
            if (embedPanel) { embedPanel.hidden = true; }
            if (embedButton) { embedButton.setAttribute("aria-expanded", "false"); embedButton.focus(); }
        }
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
