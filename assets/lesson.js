/* Northern Border Atlas, lesson tools in the browser (the app and the static export alike): ?compare=DATE draws
   the second date's map beside the first (NBA.map.create, the same bundle) and lists what changed between them;
   ?lock=FROM..TO keeps the page inside a lesson's range. The pure parts are in assets/nba_model.js (compareStop,
   lockRange, clampLock, compareChanges); atlas.js asks NBA.lesson.range() when it moves the slider and
   NBA.lesson.params() when it writes the address, and classroom.js asks tourStops() for the tour. This file
   follows the page through the "atlas:drawn" event the map sends after each step. */
(function (root) {
    "use strict";
    var NBA = root.NBA = root.NBA || {};
    var state = {lock: undefined, compare: null, map: null, drawnKey: null, started: false,
        listTimer: null, listed: false};

    function M() { return NBA.model; }
    function page() { return NBA.page; }
    function byId(id) { return document.getElementById(id); }
    function words(iso, precision) { return NBA.atlas.words(iso, precision); }

    function S(key) {
        /* A lesson string in the page's language (the page's interface strings, dashboard.i18n.js_strings). */
        var ui = page() && page().ui;
        return ui && ui[key] !== undefined ? ui[key] : "";
    }

    function query() {
        try { return new URLSearchParams(root.location.search.slice(0, 2000)); } catch (e) { return new URLSearchParams(""); }
    }

    function range(d) {
        /* The locked range {lo, hi, ...} of slider positions from ?lock=, or null (read once: the address the page
           opened with; the page keeps a valid lock in the address it writes). */
        if (state.lock === undefined && d) { state.lock = query().has("lock") ? M().lockRange(d, query().get("lock")) : null; }
        return state.lock || null;
    }

    function params() {
        /* What atlas.js writes into the address for the lesson tools: {compare: stop or null, lock: "FROM..TO"}. */
        var lock = range(page() && page().data);
        return {compare: state.compare, lock: lock ? lock.param : ""};
    }

    function tourStops(stops) {
        /* The tour's stops inside the locked range (all of them when none is, or when no stop would be left). */
        var lock = range(page() && page().data);
        if (!lock) { return stops; }
        var inside = stops.filter(function (s) { return s.stop >= lock.lo && s.stop <= lock.hi; });
        return inside.length ? inside : stops;
    }

    function make(tag, attrs, text) { return NBA.atlas.make(tag, attrs, text); }

    function rangeWords(lock) {
        return M().fill(S("range"), {from: words(lock.from, lock.fromPrecision), to: words(lock.to, lock.toPrecision)});
    }

    /* ---- the second map and the list of changes ------------------------------------------------------ */

    function tagA() {
        /* The first map's date, written on it while comparing (the map's box holds it beside the zoom buttons). */
        var box = byId("map") && byId("map").parentNode, tag = byId("compare-date-a");
        if (!tag && box) {
            tag = make("p", {id: "compare-date-a", "class": "map-date-tag"});
            box.appendChild(tag);
        }
        return tag;
    }

    function drawCompare() {
        /* Bring the second map, both dates and the list of changes to the page's state (only what changed). */
        var p = page(), d = p.data, on = state.compare !== null;
        document.documentElement.classList.toggle("nba-comparing", on);
        ["compare-box", "compare-changes"].forEach(function (id) { if (byId(id)) { byId(id).hidden = !on; } });
        if (byId("compare-clear")) { byId("compare-clear").hidden = !on; }
        var a = tagA();
        if (a) { a.hidden = !on; }
        if (!on) { state.drawnKey = null; return; }
        var k = d.stopState[state.compare], when = d.stops[state.compare];
        if (!state.map) { state.map = createMap(d); }
        var key = [state.compare, p.stop, p.mode, p.unit, d.lang].join("|");
        if (key === state.drawnKey) { return; }
        state.drawnKey = key;
        state.map.step(M().unitFills(d, p.styles, k), M().borderSet(d, k, p.mode), M().ghostSet(d, k, p.mode));
        state.map.select(p.unit ? d.units.indexOf(p.unit) : -1);
        state.map.svg.setAttribute("aria-label", M().fill(S("mapLabel"), {date: words(when)}));
        a.textContent = words(d.stops[p.stop]);
        byId("compare-date-b").textContent = words(when);
        /* the list (below the maps) once the slider rests, not at every step of a drag or of Play */
        clearTimeout(state.listTimer);
        state.listTimer = setTimeout(function () { renderChanges(d, page()); }, state.listed ? 200 : 0);
        state.listed = true;
    }

    function createMap(d) {
        var p = page(), box = byId("compare-map");
        var map = NBA.map.create(box, d.map, p.styles, {
            hover: function (i) {
                return [M().unitName(d.text, i, d.stops[state.compare]), M().statusLine(d, d.text, p.ui, d.stopState[state.compare], i),
                    d.map.unitApprox[i] ? p.ui.borderApprox : p.ui.borderClose];
            },
            unit: function (i) { pick(d.units[i]); },
            event: function () {},
            empty: function () { pick(null); }
        });
        /* the first map's hatch patterns serve both maps (no second set of the same ids in the page) */
        var defs = map.svg.querySelector("defs");
        if (defs) { defs.replaceChildren(); }
        return map;
    }

    function pick(unit) {
        /* A region clicked on the second map is selected on the page, as on the first. */
        var p = page();
        if (root.dash_clientside && root.dash_clientside.set_props) { root.dash_clientside.set_props("region-picker", {value: unit}); }
        NBA.atlas.setView(p.mode, unit, p.chosen);
    }

    function claimsText(d, p, list) {
        return list.length ? list.map(function (c) { return d.text.claimants[c]; }).join(p.ui.listSep || ", ") : S("noClaims");
    }

    function renderChanges(d, p) {
        var diff = M().compareChanges(d, p.stop, state.compare), list = byId("compare-list");
        byId("compare-heading").textContent = M().fill(S("heading"), {from: words(d.stops[diff.from]), to: words(d.stops[diff.to])});
        byId("compare-count").textContent = diff.units.length ? M().fill(S("count"), {n: diff.units.length}) : S("compareNone");
        var frag = document.createDocumentFragment();
        diff.units.forEach(function (u) {
            var li = make("li", {"class": "compare-unit", "data-unit": d.units[u.unit]});
            li.appendChild(make("strong", {"class": "compare-name"}, d.unitNames[u.unit]));
            var line = make("p", {"class": "compare-status-line"});
            [u.before, u.after].forEach(function (st, n) {
                if (n === 1) { line.appendChild(document.createTextNode(" → ")); }
                var sw = NBA.atlas.swatch(st);
                if (sw) { line.appendChild(sw); }
                line.appendChild(make("span", {"class": n ? "after" : "before"}, st >= 0 ? d.text.statuses[st] : p.ui.noData));
            });
            li.appendChild(line);
            var before = claimsText(d, p, u.claimsBefore), after = claimsText(d, p, u.claimsAfter);
            if (before !== after) {   /* the other claimants, when they are what changed */
                li.appendChild(make("p", {"class": "compare-claims"}, M().fill(S("claims"), {before: before, after: after})));
            }
            if (u.events.length) {
                li.appendChild(make("p", {"class": "compare-events-lead"}, S("events")));
                var ol = make("ol", {"class": "compare-events"});
                u.events.forEach(function (i) {
                    var ev = d.events[i], item = make("li");
                    item.appendChild(make("time", {datetime: ev.date, "class": "event-date"}, ev.words));
                    item.appendChild(document.createTextNode(" "));
                    item.appendChild(make("button", Object.assign({type: "button", "class": "link-button compare-event",
                        "data-index": String(i), title: S("showEvent")}, ev.en ? {lang: "en"} : {}), ev.title));
                    ol.appendChild(item);
                });
                li.appendChild(ol);
            } else {
                li.appendChild(make("p", {"class": "compare-no-events"}, S("noEvents")));
            }
            frag.appendChild(li);
        });
        list.replaceChildren(frag);
    }

    /* ---- setting the comparison -------------------------------------------------------------------- */

    function status(text) { if (byId("compare-status")) { byId("compare-status").textContent = text || ""; } }

    function setCompare(stop) {
        state.compare = stop === null || stop === undefined ? null : stop;
        var input = byId("compare-input"), d = page().data;
        var value = state.compare === null ? "" : M().stopParam(d, state.compare);
        if (input) { input.value = value; }
        if (root.dash_clientside && root.dash_clientside.set_props) { root.dash_clientside.set_props("compare-input", {value: value}); }
        drawCompare();
        NBA.atlas.flushUrl();
    }

    function resolve(d, raw) {
        /* A typed or linked date to compare with -> {stop, notes}, or {stop: null, notes} when unusable. */
        var found = M().compareStop(d, raw), lock = range(d), notes = [];
        if (!found) { return {stop: null, notes: notes}; }
        if (!found.exact) {
            var w = M().parseWhen(raw);
            notes.push(M().fill(S("noStep"), {date: words(w.iso), shown: words(d.stops[found.stop])}));
        }
        var stop = M().clampLock(d, found.stop, lock);
        if (stop !== found.stop) {
            notes.push(M().fill(S("lockCompare"), {value: words(d.stops[found.stop]), range: rangeWords(lock), shown: words(d.stops[stop])}));
        }
        return {stop: stop, notes: notes};
    }

    function fromInput() {
        var input = byId("compare-input"), d = page() && page().ready ? page().data : null;
        if (!input || !d) { return; }
        var raw = input.value.trim();
        if (!raw) { status(""); setCompare(null); return; }
        var r = resolve(d, raw);
        if (r.stop === null) {
            status(M().fill(S("compareBad"), {value: raw.length > 20 ? raw.slice(0, 19) + "…" : raw, first: S("first"), last: S("last")}));
            return;
        }
        status(r.notes.join(" "));
        setCompare(r.stop);
    }

    function startFromAddress() {
        /* Once the page has drawn its first step: the lock note, ?compare= from the address and, in the static
           export (no server to read the address), the notices the server would give. */
        var p = page(), d = p.data, q = query(), lock = range(d), notes = [];
        var note = byId("lock-note");
        if (note && lock) {
            note.textContent = M().fill(S("lockNote"), {range: rangeWords(lock)});
            note.hidden = false;
        }
        var short = function (v) { return v.length > 40 ? v.slice(0, 39) + "…" : v; };
        if (q.get("lock") && !lock) { notes.push(M().fill(S("badLock"), {value: short(q.get("lock")), first: S("first"), last: S("last")})); }
        if (lock) {
            var asked = q.get("date") || (/^\d{4}$/.test(q.get("year") || "") ? q.get("year") + "-01-01" : null);
            if (asked && asked >= d.first && asked <= d.last) {
                var want = M().stopOf(d, asked);
                if (want < lock.lo || want > lock.hi) {
                    notes.push(M().fill(S("lockMoved"), {value: words(d.stops[want]), range: rangeWords(lock), shown: words(d.stops[M().clampLock(d, want, lock)])}));
                }
            }
        }
        var stop = null;
        if (q.get("compare")) {
            var r = resolve(d, q.get("compare"));
            stop = r.stop;
            if (stop === null) {
                notes.push(M().fill(S("badCompare"), {value: short(q.get("compare")), first: S("first"), last: S("last")}));
            } else { notes = notes.concat(r.notes); }
        }
        var box = byId("url-notice");
        if (p.staticPage && notes.length && box) {   /* the app's server wrote these notices already */
            box.textContent = [box.textContent].concat(notes).join(" ").trim();
        }
        if (stop !== null) { setCompare(stop); }
    }

    document.addEventListener("atlas:drawn", function () {
        var p = page();
        if (!p || !p.ready) { return; }
        if (!state.started) { state.started = true; startFromAddress(); return; }
        if (state.compare !== null) { drawCompare(); }
    }, true);

    document.addEventListener("click", function (e) {
        var t = e.target && e.target.closest ? e.target : null;
        if (!t) { return; }
        if (t.closest("#compare-go")) { fromInput(); return; }
        if (t.closest("#compare-clear")) { status(""); setCompare(null); return; }
        var ev = t.closest("#compare-list button.compare-event");
        if (ev && NBA.atlas) { NBA.atlas.showEvent(parseInt(ev.getAttribute("data-index"), 10)); }
    });
    document.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && e.target && e.target.id === "compare-input") { e.preventDefault(); fromInput(); }
    });

    NBA.lesson = {range: range, params: params, tourStops: tourStops, setCompare: setCompare,
        compare: function () { return state.compare; }};
}(window));
