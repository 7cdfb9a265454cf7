/* Northern Border Atlas, classroom tools in the browser: the guided tour (built in, or a teacher's dates from
   ?tour=; with ?predict=1 each stop asks its question before the map is revealed), the map as PNG, the download links kept at the shown date, and the map fitted to the page when
   printing. Nothing here runs on a slider step except one href update after the map is drawn. */
(function () {
    "use strict";
    var DATE = /^\d{4}-\d{2}-\d{2}$/;

    function fmt(text, values) {
        return String(text).replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
    }

    function pickLang(strings, page) {
        /* The page's own language (tour data), else ?lang=, else the document's; English when we lack strings. */
        if (page && strings[page]) { return page; }
        var q = null;
        try { q = new URLSearchParams(window.location.search).get("lang"); } catch (e) { q = null; }
        var lang = String(q || document.documentElement.lang || "en").slice(0, 2).toLowerCase();
        return strings[lang] ? lang : "en";
    }

    function stopOf(data, iso) {
        /* Index of the last slider stop on or before an ISO date (stops are ISO strings, sorted). */
        var lo = 0, hi = data.stops.length;
        while (lo < hi) {
            var mid = (lo + hi) >> 1;
            if (data.stops[mid] <= iso) { lo = mid + 1; } else { hi = mid; }
        }
        return Math.max(lo - 1, 0);
    }

    function realDate(iso) {
        if (!DATE.test(iso)) { return false; }
        var d = new Date(iso + "T00:00:00Z");
        return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
    }

    function tourParam(search) {
        if (typeof search !== "string" || search.indexOf("tour=") < 0) { return null; }
        try { return new URLSearchParams(search.slice(0, 4000)).get("tour"); } catch (e) { return null; }
    }

    var BUILT_IN = "1";   /* ?tour=1: the built-in tour (any other value is a list of dates) */

    function predictParam(search) {
        /* ?predict=1: each tour stop asks its question before the map shows it. */
        if (typeof search !== "string" || search.indexOf("predict=") < 0) { return false; }
        try { return new URLSearchParams(search.slice(0, 4000)).get("predict") === "1"; } catch (e) { return false; }
    }

    function customTour(raw, tdata, data, S) {
        /* A teacher's tour from "?tour=1858-05-28,1860-11-14": usable dates become stops (captioned with that
           day's events, or what changed), the rest are listed in a notice. */
        var parts = raw.split(",").slice(0, 200), stops = [], dropped = [], notes = [];
        var model = window.NBA && window.NBA.model, ui = window.NBA && window.NBA.page ? window.NBA.page.ui : null;
        parts.forEach(function (part) {
            var iso = part.trim();
            if (!iso) { return; }
            if (!realDate(iso) || iso < tdata.first || iso > tdata.last) {
                dropped.push("“" + (iso.length > 20 ? iso.slice(0, 19) + "…" : iso) + "”");
                return;
            }
            var stop = stopOf(data, iso);
            var titles = data.events.filter(function (e) { return e.date === iso; })
                .map(function (e) { return e.title; });
            var caption = titles.length ? titles.join("; ") + "." : (model ? model.changeText(data, data.text, ui, stop) : "");
            if (data.stops[stop] !== iso) {
                caption = fmt(S.no_step, {date: model ? model.words(data.stops[stop], "day", ui) : data.stops[stop]}) + " " + caption;
            }
            stops.push({stop: stop, date: iso, text: caption});
        });
        if (stops.length > tdata.max) { stops = stops.slice(0, tdata.max); notes.push(fmt(S.too_many, {n: tdata.max})); }
        if (dropped.length) { notes.unshift(fmt(S.dropped, {list: dropped.join(", ")})); }
        if (!stops.length) { notes.push(S.none_valid); }
        return {stops: stops, notice: notes.join(" ")};
    }

    function resumeAt(search, stops, data) {
        /* A reloaded tour link also carries the date it was at (?date= or ?year=): resume at that stop. */
        var q;
        try { q = new URLSearchParams(search); } catch (e) { return 0; }
        var iso = q.get("date") || (q.get("year") ? q.get("year") + "-01-01" : null);
        if (!iso || !realDate(iso)) { return 0; }
        var target = stopOf(data, iso), i;
        for (i = 0; i < stops.length; i++) { if (stops[i].stop === target) { return i; } }
        /* a stop waiting for "Reveal" shows the slider position just before it */
        for (i = 0; i < stops.length; i++) { if (stops[i].stop === target + 1) { return i; } }
        return 0;
    }

    function triggered() {
        var ctx = window.dash_clientside.callback_context;
        return ctx && ctx.triggered_id !== undefined ? ctx.triggered_id : null;
    }

    function question(stop, lang, S, data) {
        /* A stop's question (tour.yaml), or the generic one for a stop without (a teacher's dates). */
        if (stop.question && stop.question[lang]) { return fmt(S.question, {question: stop.question[lang]}); }
        var model = window.NBA && window.NBA.model, ui = window.NBA && window.NBA.page ? window.NBA.page.ui : null;
        var when = model ? model.words(stop.date, "day", ui) : stop.date;
        return fmt(S.question, {question: fmt(S.question_generic, {date: when})});
    }

    function tourStep(action, search, tdata, state, data) {
        /* The tour's state machine, shared by the app and the static export. action: "url" (the address
           changed), "start", "prev", "next", "exit", "reveal" or "predict" (the toggle). Returns null when nothing
           changes, else what to show. In predict mode a stop first shows its question over the map as it was
           just before the stop (greyed by the page); "reveal" moves the map to the stop and shows the answer. */
        var lang = pickLang(tdata.strings, tdata.lang), S = tdata.strings[lang];
        var notice = null;
        var st = Object.assign({source: null, custom: null, active: false, i: 0, predict: false, seen: -1}, state || {});
        if (action === "url") {
            var raw = tourParam(search), predict = predictParam(search), newTour = raw !== null && raw !== st.source;
            /* neither the tour nor predict changed (the address changed for another reason): nothing to do */
            if (!newTour && predict === st.predict) { return null; }
            st.predict = predict;
            if (newTour && raw === BUILT_IN) {
                st.source = raw;
                st.custom = null;
                st.active = true;
                st.i = resumeAt(search, tdata.stops, data);
                st.seen = -1;
            } else if (newTour) {
                var custom = customTour(raw, tdata, data, S);
                st.source = raw;
                st.custom = custom.stops.length ? custom.stops : null;
                st.active = Boolean(st.custom);
                st.i = resumeAt(search, st.custom || [], data);
                st.seen = -1;
                notice = custom.notice;
            }
        } else if (action === "start") {
            st.active = true;
            st.i = 0;
            st.seen = -1;
            if (!st.custom) { st.source = BUILT_IN; }   /* the address says ?tour=1 (a shared link opens the tour) */
        } else if (action === "exit") {
            st.active = false;
        } else if ((action === "prev" || action === "next") && st.active) {
            st.i += action === "next" ? 1 : -1;
        } else if (action === "reveal" && st.active && st.predict) {
            st.seen = Math.max(st.seen, st.i);
        } else if (action === "predict") {
            st.predict = !st.predict;
            if (st.active) { st.seen = Math.max(st.seen, st.i); }   /* the stop shown now stays shown */
        } else {
            return null;
        }
        var stops = st.custom || tdata.stops;
        var out = {stop: null, state: st, caption: "", step: "", cls: "tour" + (st.predict ? " predict" : ""),
            notice: notice, prevDisabled: true, nextDisabled: true, label: st.custom ? S.start_custom : S.start,
            answer: "", pending: false};
        if (!st.active) { return out; }
        st.i = Math.max(0, Math.min(stops.length - 1, st.i));
        var stop = stops[st.i];
        out.pending = st.predict && st.i > st.seen;
        out.stop = out.pending ? Math.max(stop.stop - 1, 0) : stop.stop;
        out.caption = out.pending ? question(stop, lang, S, data) :
            (st.custom ? stop.text : (stop.caption[lang] || stop.caption.en));
        out.answer = st.predict && !out.pending && stop.answer && stop.answer[lang] ? fmt(S.answer, {answer: stop.answer[lang]}) : "";
        out.step = fmt(S.step, {i: st.i + 1, n: stops.length});
        out.cls = "tour active" + (st.predict ? " predict" : "") + (out.pending ? " pending" : "");
        out.prevDisabled = st.i === 0;
        out.nextDisabled = st.i === stops.length - 1;
        return out;
    }

    function showPredict(r) {
        /* What the tour's outputs cannot say: the page greyed while a stop waits for "Reveal" (the map, the events
           near the date), the toggle's pressed state, and ?predict= / ?tour=1 kept in the address (Share, Embed). */
        if (!r) { return; }
        document.body.classList.toggle("predict-pending", Boolean(r.pending));
        var toggle = document.getElementById("tour-predict");
        if (toggle) { toggle.setAttribute("aria-pressed", r.state.predict ? "true" : "false"); }
        var atlas = window.NBA && window.NBA.atlas, loc = window.location;
        if (!atlas || !window.NBA.page || window.NBA.page.staticPage) { return; }
        var q = new URLSearchParams(loc.search);
        if (r.state.predict) { q.set("predict", "1"); } else { q.delete("predict"); }
        if (r.state.source === BUILT_IN && r.state.active) { q.set("tour", BUILT_IN); }
        var query = "?" + q.toString();
        if (query !== loc.search) {
            window.history.replaceState(window.history.state, "", loc.pathname + (query === "?" ? "" : query) + loc.hash);
        }
        atlas.flushUrl();
    }

    var OUTPUTS = [["year-slider", "value"], ["tour-state", "data"], ["tour-caption", "children"], ["tour-step", "children"],
        ["tour", "className"], ["tour-notice", "children"], ["tour-prev", "disabled"], ["tour-next", "disabled"],
        ["tour-start", "children"], ["tour-answer", "children"]];

    function tour(start, prev, next, exit, reveal, predict, search, tdata, state) {
        /* Dash callback around tourStep. Outputs: OUTPUTS (slider, tour state, caption, "Stop i of n", bar
           class, notice, prev/next disabled, start label, answer). Before the page bundle has loaded (a ?tour=
           link opening the page), the answer comes once it has, through set_props. */
        var NU = window.dash_clientside.no_update;
        var id = triggered();
        var action = id === null || id === "url" ? "url" : String(id).replace("tour-", "");
        var data = pageData();
        if (!data) {
            (function wait() {
                var d = pageData();
                if (!d) { setTimeout(wait, 40); return; }
                var r = tourStep(action, search, tdata, state, d), out = answer(r, NU);
                OUTPUTS.forEach(function (o, n) {
                    if (out[n] !== NU) { var props = {}; props[o[1]] = out[n]; window.dash_clientside.set_props(o[0], props); }
                });
                showPredict(r);
            }());
            return OUTPUTS.map(function () { return NU; });
        }
        var r = tourStep(action, search, tdata, state, data);
        showPredict(r);
        return answer(r, NU);
    }

    function answer(r, NU) {
        if (!r) { return OUTPUTS.map(function () { return NU; }); }
        return [r.stop === null ? NU : r.stop, r.state, r.caption, r.step, r.cls, r.notice === null ? NU : r.notice,
            r.prevDisabled, r.nextDisabled, r.label, r.answer];
    }

    function pageData() { return window.NBA && window.NBA.page && window.NBA.page.ready ? window.NBA.page.data : null; }

    function currentIso() { return window.NBA && window.NBA.atlas ? window.NBA.atlas.currentIso() : null; }

    function updateLinks() {
        var iso = currentIso(), link = document.getElementById("download-geojson");
        if (!iso || !link) { return; }
        var href = link.getAttribute("href") || "";
        var next = href.replace(/([?&]date=)[^&]*/, "$1" + iso);
        if (next !== href) { link.setAttribute("href", next); }
    }

    function downloadPng() {
        /* The map as it is now, with title, date, legend and attribution, as a PNG drawn in the browser (nba_png.js). */
        if (window.NBA && window.NBA.png) { window.NBA.png.download("northern-border-atlas-" + (currentIso() || "map")); }
    }

    function markLaterEvents(on) {
        /* On paper the list keeps the date's own events and those before it (the ones that made the map). */
        var iso = currentIso();
        Array.prototype.forEach.call(document.querySelectorAll("#event-list li.event"), function (li) {
            var time = li.querySelector("time[datetime]");
            var later = on && iso && time && time.getAttribute("datetime") > iso;
            li.classList.toggle("print-later", Boolean(later));
        });
    }

    var printed = false;
    function fitMap(print) {
        /* The SVG map scales with the page; on paper the list keeps only the events that made the map. */
        if (print === printed) { return; }
        printed = print;
        markLaterEvents(print);
    }
    window.addEventListener("beforeprint", function () { fitMap(true); });
    window.addEventListener("afterprint", function () { fitMap(false); });
    if (window.matchMedia) {
        var mq = window.matchMedia("print");
        var onChange = function (e) { fitMap(e.matches); };
        if (mq.addEventListener) { mq.addEventListener("change", onChange); } else if (mq.addListener) { mq.addListener(onChange); }
    }

    /* atlas.js dispatches "atlas:drawn" on the map after each redraw (it does not bubble: listen while capturing). */
    document.addEventListener("atlas:drawn", updateLinks, true);
    document.addEventListener("click", function (e) {
        var target = e.target && e.target.closest ? e.target : null;
        if (!target) { return; }
        if (target.closest("#download-png")) { downloadPng(); }
        if (target.closest("#download-geojson")) { updateLinks(); }
    }, true);

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        classroom: {tour: tour, tourStep: tourStep, tourOutputs: OUTPUTS, stopOf: stopOf, realDate: realDate,
            downloadPng: downloadPng, fitMap: fitMap}
    });
}());
