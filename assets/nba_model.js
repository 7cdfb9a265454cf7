/* Northern Border Atlas: the pure model of the page (no DOM). Given the page bundle (geodata/page/: the
   timeline and one language's text) and the interface strings, it answers what the page shows at a slider
   position: the state, the colours, which border edges, the texts, the events near the date, the address.
   Loaded by the page as NBA.model and by node (tests/js/) as a CommonJS module. */
(function (root, factory) {
    "use strict";
    var model = factory();
    if (typeof module === "object" && module.exports) { module.exports = model; } else {
        root.NBA = root.NBA || {};
        root.NBA.model = model;
    }
}(this, function () {
    "use strict";
    var EN = {months: ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"], dateDay: "{d} {month} {y}", dateMonth: "{month} {y}", dateYear: "{y}",
        changeOn: "Changed on this date{count}: {parts}.", changeCount: " (change {n} of {total} in {year})",
        changeStart: "The map shows the status at the start of the atlas.", changeLast: "Last change: {date}.",
        noDataShort: "no data", noData: "No data", claimedBy: "claimed by {claims}", listSep: ", ", partSep: "; ",
        colon: ": ", borderApprox: "Border approximate", borderClose: "Border close to historical"};

    function fill(tpl, values) {
        /* Replace {name} fields; unknown fields stay as they are. */
        return String(tpl).replace(/\{(\w+)\}/g, function (all, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
        });
    }

    function s(ui, key) { return ui && ui[key] !== undefined ? ui[key] : EN[key]; }

    function words(iso, precision, ui) {
        /* A date in words in the page's language ("6 September 1689", "1689年9月6日"). */
        var p = String(iso).split("-"), y = parseInt(p[0], 10), m = parseInt(p[1], 10), d = parseInt(p[2], 10);
        var tpl = precision === "year" ? s(ui, "dateYear") : (precision === "month" ? s(ui, "dateMonth") : s(ui, "dateDay"));
        return fill(tpl, {y: y, m: m, d: d, month: s(ui, "months")[m - 1]});
    }

    function clampStop(tl, value) {
        var v = typeof value === "number" && isFinite(value) ? Math.round(value) : parseInt(value, 10);
        if (!isFinite(v)) { v = 0; }
        return Math.max(0, Math.min(tl.stops.length - 1, v));
    }

    function stopOf(tl, iso) {
        /* Index of the last stop on or before an ISO date (0 before the first). */
        var lo = 0, hi = tl.stops.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (tl.stops[mid] <= iso) { lo = mid + 1; } else { hi = mid; } }
        return Math.max(lo - 1, 0);
    }

    function stateIndex(tl, stop) { return tl.stopState[clampStop(tl, stop)]; }

    function unitFills(tl, styles, k) {
        /* The fill of every unit at state k: its status colour, or the hatch pattern of hatched statuses. */
        return tl.states[k].s.map(function (st) {
            if (st < 0) { return "#999999"; }
            return styles[st].hatch ? "url(#nba-hatch-" + st + ")" : styles[st].color;
        });
    }

    function borderSet(tl, k, mode) {
        /* {edge index: true} of China's border at state k (mode "control" or "claim"). */
        var out = {};
        tl.states[k].b[mode === "claim" ? "claim" : "control"].forEach(function (i) { out[i] = true; });
        return out;
    }

    function ghostSet(tl, k, mode) {
        /* The previous, different border (dashed grey), or {} when there is none. */
        var g = tl.states[k].ghost[mode === "claim" ? "claim" : "control"];
        return g >= 0 ? borderSet(tl, g, mode) : {};
    }

    function changeText(tl, text, ui, stop) {
        /* What changed at this slider position, in words. */
        var k = stateIndex(tl, stop), state = tl.states[k];
        if (k > 0 && tl.stops[stop] === state.date) {
            var year = state.date.slice(0, 4), same = [];
            for (var i = 1; i < tl.states.length; i++) { if (tl.states[i].date.slice(0, 4) === year) { same.push(i); } }
            var parts = state.changes.map(function (c) {
                return text.units[c[0]] + s(ui, "colon") + (c[2] >= 0 ? text.statuses[c[2]] : s(ui, "noDataShort"));
            });
            var count = same.length > 1 ? fill(s(ui, "changeCount"), {n: same.indexOf(k) + 1, total: same.length, year: year}) : "";
            return fill(s(ui, "changeOn"), {count: count, parts: parts.join(s(ui, "partSep"))});
        }
        if (k === 0) { return s(ui, "changeStart"); }
        return fill(s(ui, "changeLast"), {date: words(state.date, "day", ui)});
    }

    function visibleEvents(tl, stop) {
        /* Indices of the events near a slider position: the last three on or before it, the next three after it. */
        var when = tl.stops[stop], past = [], future = [];
        for (var i = 0; i < tl.events.length; i++) {
            if (tl.events[i].date <= when) { past.push(i); } else if (future.length < 3) { future.push(i); }
        }
        return past.slice(-3).concat(future);
    }

    function statusLine(tl, text, ui, k, i) {
        /* "Status; claimed by X" of unit i at state k. */
        var st = tl.states[k].s[i];
        var line = st >= 0 ? text.statuses[st] : s(ui, "noData");
        var claims = tl.states[k].c[i].map(function (c) { return text.claimants[c]; });
        if (claims.length) { line += s(ui, "partSep") + fill(s(ui, "claimedBy"), {claims: claims.join(s(ui, "listSep"))}); }
        return line;
    }

    function sinceState(tl, k, i) {
        /* The first state of the run in which unit i has had its current status. */
        var st = tl.states[k].s[i], j = k;
        while (j > 0 && tl.states[j - 1].s[i] === st) { j--; }
        return j;
    }

    function nextChange(tl, stop, dir) {
        /* The next (dir > 0) or previous slider position where the map changes, or null. */
        var cs = tl.changeStops, i;
        if (dir > 0) { for (i = 0; i < cs.length; i++) { if (cs[i] > stop) { return cs[i]; } } } else {
            for (i = cs.length - 1; i >= 0; i--) { if (cs[i] < stop) { return cs[i]; } }
        }
        return null;
    }

    function viewQuery(tl, view, current) {
        /* The query string of a view {stop, mode, unit, lang, compare (a stop or null), lock (the ?lock= value)};
           keeps ?lang=, ?embed=1, ?tour= and ?predict=1 of `current`
           (mirrors dashboard.query.view_query). */
        var when = tl.stops[view.stop], here = new URLSearchParams(current || ""), out = new URLSearchParams();
        out.set(when.slice(5) === "01-01" ? "year" : "date", stopParam(tl, view.stop));
        if (typeof view.compare === "number" && view.compare >= 0) { out.set("compare", stopParam(tl, view.compare)); }
        if (view.unit) { out.set("region", view.unit); }
        if (view.mode === "claim") { out.set("mode", "claim"); }
        if (here.has("lang") || (view.lang && view.lang !== "en")) { out.set("lang", view.lang || "en"); }
        if (here.get("embed") === "1") { out.set("embed", "1"); }
        if (view.lock) { out.set("lock", view.lock); }
        if (here.has("tour")) { out.set("tour", here.get("tour")); }
        if (here.get("predict") === "1") { out.set("predict", "1"); }
        return "?" + out.toString();
    }

    /* ---- lessons: comparing two dates, locking a lesson's range ---------------------------------- */

    var YEAR = /^\d{4}$/, ISO = /^\d{4}-\d{2}-\d{2}$/;

    function parseWhen(raw, end) {
        /* "1946" or "1946-01-05" -> {iso, precision}; a year is its 1 January (its 31 December when `end`).
           null when it is neither a year nor a real date. */
        var v = String(raw === undefined || raw === null ? "" : raw).trim();
        if (YEAR.test(v)) { return {iso: v + (end ? "-12-31" : "-01-01"), precision: "year"}; }
        if (!ISO.test(v)) { return null; }
        var d = new Date(v + "T00:00:00Z");
        if (isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) { return null; }
        return {iso: v, precision: "day"};
    }

    function stopParam(tl, stop) {
        /* A slider position as the address writes it: the year for 1 January, else the ISO date. */
        var when = tl.stops[stop];
        return when.slice(5) === "01-01" ? String(parseInt(when.slice(0, 4), 10)) : when;
    }

    function compareStop(tl, raw) {
        /* ?compare= (a year or an ISO date inside the atlas) -> {stop, exact}, or null when unusable; `exact` is
           false when the date has no step of its own (the map shows the last step before it). */
        var w = parseWhen(raw, false);
        if (!w || w.iso < tl.first || w.iso > tl.last) { return null; }
        var stop = stopOf(tl, w.iso);
        return {stop: stop, exact: tl.stops[stop] === w.iso};
    }

    function lockRange(tl, raw) {
        /* ?lock=FROM..TO (years or ISO dates; a year TO ends on its 31 December) -> {lo, hi, from, to, fromPrecision,
           toPrecision, param}: the slider positions it keeps to, or null when unreadable, reversed or outside. */
        var parts = String(raw === undefined || raw === null ? "" : raw).split("..");
        if (parts.length !== 2) { return null; }
        var a = parseWhen(parts[0], false), b = parseWhen(parts[1], true);
        if (!a || !b || a.iso > b.iso || a.iso < tl.first || b.iso > tl.last) { return null; }
        return {lo: stopOf(tl, a.iso), hi: stopOf(tl, b.iso), from: a.iso, to: b.iso, fromPrecision: a.precision,
            toPrecision: b.precision, param: parts[0].trim() + ".." + parts[1].trim()};
    }

    function clampLock(tl, value, lock) {
        /* A slider position kept on the slider and, with a lock ({lo, hi}), inside the lesson's range. */
        var v = clampStop(tl, value);
        return lock ? Math.max(lock.lo, Math.min(lock.hi, v)) : v;
    }

    function sameList(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }

    function compareChanges(tl, stopA, stopB) {
        /* What differs between the maps at two slider positions, earlier first: {from, to (stops), units: [{unit,
           before, after (status indices), claimsBefore, claimsAfter (claimant indices), events (indices of the
           events after the earlier date, up to the later one, that concern the unit)}]}, in the bundle's unit order. */
        var a = clampStop(tl, Math.min(stopA, stopB)), b = clampStop(tl, Math.max(stopA, stopB));
        var sa = tl.states[tl.stopState[a]], sb = tl.states[tl.stopState[b]], from = tl.stops[a], to = tl.stops[b];
        var between = tl.events.filter(function (e) { return e.date > from && e.date <= to; });
        var units = [];
        for (var i = 0; i < tl.units.length; i++) {
            var ca = sa.c[i].slice().sort(), cb = sb.c[i].slice().sort();
            if (sa.s[i] === sb.s[i] && sameList(ca, cb)) { continue; }
            var unit = tl.units[i];
            units.push({unit: i, before: sa.s[i], after: sb.s[i], claimsBefore: sa.c[i], claimsAfter: sb.c[i],
                events: between.filter(function (e) { return (e.regions || []).indexOf(unit) >= 0; })
                    .map(function (e) { return tl.events.indexOf(e); })});
        }
        return {from: a, to: b, units: units};
    }

    function contemporary(text, iso) {
        /* The date as contemporaries wrote it, for a page's language (text-<lang>.json `dates`, computed when the
           bundle is built from geodata/calendars.py), or "" where the date is not an exact event's. */
        var dates = text && text.dates;
        return dates && Object.prototype.hasOwnProperty.call(dates, iso) ? String(dates[iso]) : "";
    }

    function withParam(query, key, value) {
        var q = new URLSearchParams(query || "");
        q.set(key, value);
        return "?" + q.toString();
    }

    function assetUrl(prefix, path) {
        /* A URL under the app's path prefix ("/" or "/atlas/"), or relative to the page when there is none. */
        var p = prefix === undefined || prefix === null ? "" : String(prefix);
        if (p && p.charAt(p.length - 1) !== "/") { p += "/"; }
        return p + String(path).replace(/^\/+/, "");
    }

    function bordersAt(all, iso) {
        /* The borders download of one day from the file of every unit and span (geodata/borders.py): the features
           whose span holds the day, as the server's /download/borders.geojson?date= sends them. */
        var feats = all.features.filter(function (f) { return f.properties.start <= iso && iso < f.properties.end; });
        var start = feats.reduce(function (m, f) { return f.properties.start > m ? f.properties.start : m; }, "");
        var end = feats.reduce(function (m, f) { return f.properties.end < m ? f.properties.end : m; }, "9999");
        var open = all.features.every(function (f) { return f.properties.end <= end; });
        return {type: "FeatureCollection", name: "northern-border-atlas-borders-" + start,
            period: {start: start, end: open ? "" : end}, attribution: all.attribution, features: feats};
    }

    return {bordersAt: bordersAt, fill: fill, words: words, clampStop: clampStop, stopOf: stopOf, stateIndex: stateIndex, unitFills: unitFills,
        borderSet: borderSet, ghostSet: ghostSet, changeText: changeText, visibleEvents: visibleEvents,
        statusLine: statusLine, sinceState: sinceState, nextChange: nextChange, viewQuery: viewQuery,
        withParam: withParam, assetUrl: assetUrl, contemporary: contemporary, parseWhen: parseWhen, stopParam: stopParam,
        compareStop: compareStop, lockRange: lockRange, clampLock: clampLock, compareChanges: compareChanges};
}));
