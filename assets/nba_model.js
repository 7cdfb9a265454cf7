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
    /* English dates and numbers as Babel writes them for en_GB (geodata.cldr.browser_formats("en"); tests/test_cldr.py
       checks this copy against Babel), used when the page config gives none (node tests). */
    var EN_CLDR = {dates: {day: "d MMMM y", month: "MMMM y", year: "y"},
        months: {MMM: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"],
            MMMM: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]}, group: ",", decimal: ".", grouping: [3, 3]};
    var EN = {changeOn: "Changed on this date{count}: {parts}.", changeCount: " (change {n} of {total} in {year})",
        changeStart: "The map shows the status at the start of the atlas.", changeLast: "Last change: {date}.",
        noDataShort: "no data", noData: "No data", claimedBy: "claimed by {claims}", listSep: ", ", partSep: "; ",
        colon: ": ", claimNow: "now claimed by {to}", claimWas: " (before: {from})",
        claimNone: "no longer claimed by {from}", changeMore: "{names} and {n} more", borderApprox: "Border approximate", borderClose: "Border close to historical"};

    function fill(tpl, values) {
        /* Replace {name} fields; unknown fields stay as they are. */
        return String(tpl).replace(/\{(\w+)\}/g, function (all, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
        });
    }

    function s(ui, key) { return ui && ui[key] !== undefined ? ui[key] : EN[key]; }

    function pad(n, width) { var t = String(n); while (t.length < width) { t = "0" + t; } return t; }

    function cldrDate(pattern, y, m, d, cldr) {
        /* Fill a CLDR date pattern ("d MMMM y", "y年M月d日", "y 'оны' MMM'ын' d") as Babel does: fields y, M and d,
           quoted literals ('' is a quote); another field letter is left as it is (geodata.cldr.BROWSER_FIELDS). */
        var out = "", i = 0, c, n, j;
        while (i < pattern.length) {
            c = pattern.charAt(i);
            if (c === "'") {
                if (pattern.charAt(i + 1) === "'") { out += "'"; i += 2; continue; }
                j = i + 1;
                while (j < pattern.length) {
                    if (pattern.charAt(j) === "'") {
                        if (pattern.charAt(j + 1) === "'") { out += "'"; j += 2; continue; }
                        break;
                    }
                    out += pattern.charAt(j); j++;
                }
                i = j + 1;
            } else if (/[A-Za-z]/.test(c)) {
                n = 1;
                while (pattern.charAt(i + n) === c) { n++; }
                if (c === "y") {
                    out += n === 2 ? pad(y % 100, 2) : pad(y, n);
                } else if (c === "d") {
                    out += pad(d, n);
                } else if (c === "M") {
                    out += n >= 4 ? cldr.months.MMMM[m - 1] : (n === 3 ? cldr.months.MMM[m - 1] : pad(m, n));
                } else { out += pattern.substr(i, n); }
                i += n;
            } else { out += c; i++; }
        }
        return out;
    }

    function words(iso, precision, ui) {
        /* A date in words in the page's language at a precision ("day", "month", "year"), from the CLDR patterns
           the page config carries (ui.cldr): "6 September 1689", "1689年9月6日", "1689 оны 9-р сарын 6". */
        var p = String(iso).split("-"), y = parseInt(p[0], 10), m = parseInt(p[1], 10) || 1, d = parseInt(p[2], 10) || 1;
        var cldr = ui && ui.cldr ? ui.cldr : EN_CLDR;
        var pattern = cldr.dates[precision === "year" || precision === "month" ? precision : "day"];
        return cldrDate(pattern, y, m, d, cldr);
    }

    function number(value, ui) {
        /* A whole number (rounded) grouped as CLDR does for the page's language ("1,564,116"). */
        var cldr = ui && ui.cldr ? ui.cldr : EN_CLDR, v = Math.round(Number(value));
        if (!isFinite(v)) { return String(value); }
        var digits = String(Math.abs(v)), size = cldr.grouping[0], parts = [];
        if (digits.length > size) {
            parts.unshift(digits.slice(-size)); digits = digits.slice(0, -size); size = cldr.grouping[1];
            while (digits.length > size) { parts.unshift(digits.slice(-size)); digits = digits.slice(0, -size); }
        }
        parts.unshift(digits);
        return (v < 0 ? "-" : "") + parts.join(cldr.group);
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

    function changeParts(tl, text, ui, k) {
        /* What changed at state k, one phrase per kind of change, the regions that changed alike grouped:
           a new status ("Declared independence"), or only a new claimant ("now claimed by the Republic of China
           (before: Qing China)") when the status stayed and the claimants changed. */
        var state = tl.states[k], prev = tl.states[k - 1], groups = [], byKey = {};
        var names = function (list) { return list.map(function (c) { return text.claimants[c]; }).join(s(ui, "listSep")); };
        state.changes.forEach(function (c) {
            var u = c[0], was = prev ? prev.c[u] : [], now = state.c[u], phrase;
            if (c[1] === c[2] && was.join() !== now.join()) {
                if (now.length) {
                    phrase = fill(s(ui, "claimNow"), {to: names(now)}) + (was.length ? fill(s(ui, "claimWas"), {from: names(was)}) : "");
                } else { phrase = fill(s(ui, "claimNone"), {from: names(was)}); }
            } else { phrase = c[2] >= 0 ? text.statuses[c[2]] : s(ui, "noDataShort"); }
            if (!byKey[phrase]) { byKey[phrase] = {phrase: phrase, units: []}; groups.push(byKey[phrase]); }
            byKey[phrase].units.push(text.units[u]);
        });
        return groups.map(function (g) {
            var shown = g.units.length > 4 ? g.units.slice(0, 3) : g.units;
            var who = shown.join(s(ui, "listSep"));
            if (shown.length < g.units.length) { who = fill(s(ui, "changeMore"), {names: who, n: g.units.length - shown.length}); }
            return who + s(ui, "colon") + g.phrase;
        });
    }

    function changeText(tl, text, ui, stop) {
        /* What changed at this slider position, in words. */
        var k = stateIndex(tl, stop), state = tl.states[k];
        if (k > 0 && tl.stops[stop] === state.date) {
            var year = state.date.slice(0, 4), same = [];
            for (var i = 1; i < tl.states.length; i++) { if (tl.states[i].date.slice(0, 4) === year) { same.push(i); } }
            var count = same.length > 1 ? fill(s(ui, "changeCount"), {n: same.indexOf(k) + 1, total: same.length, year: year}) : "";
            return fill(s(ui, "changeOn"), {count: count, parts: changeParts(tl, text, ui, k).join(s(ui, "partSep"))});
        }
        if (k === 0) { return s(ui, "changeStart"); }
        return fill(s(ui, "changeLast"), {date: words(state.date, "day", ui)});
    }

    function parseDate(value) {
        /* A typed date as ISO: "1921" (1 January), "1921-07" (the 1st), "1921-07-11" (also with / or .);
           null when it is not a real date. */
        var m = /^\s*(\d{3,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$/.exec(String(value || ""));
        if (!m) { return null; }
        var y = parseInt(m[1], 10), mo = m[2] ? parseInt(m[2], 10) : 1, d = m[3] ? parseInt(m[3], 10) : 1;
        var dt = new Date(Date.UTC(2000, mo - 1, d));
        dt.setUTCFullYear(y);
        if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) { return null; }
        var pad = function (n, w) { n = String(n); while (n.length < w) { n = "0" + n; } return n; };
        return pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2);
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
        /* The query string of a view {stop, mode, unit, lang}; keeps ?lang=, ?embed=1, ?tour= and ?predict=1 of `current`
           (mirrors dashboard.query.view_query). */
        var when = tl.stops[view.stop], here = new URLSearchParams(current || ""), out = new URLSearchParams();
        if (when.slice(5) === "01-01") { out.set("year", String(parseInt(when.slice(0, 4), 10))); } else { out.set("date", when); }
        if (view.unit) { out.set("region", view.unit); }
        if (view.mode === "claim") { out.set("mode", "claim"); }
        if (here.has("lang") || (view.lang && view.lang !== "en")) { out.set("lang", view.lang || "en"); }
        if (here.get("embed") === "1") { out.set("embed", "1"); }
        if (here.has("tour")) { out.set("tour", here.get("tour")); }
        if (here.get("predict") === "1") { out.set("predict", "1"); }
        return "?" + out.toString();
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

    return {bordersAt: bordersAt, fill: fill, words: words, cldrDate: cldrDate, number: number,
        clampStop: clampStop, stopOf: stopOf, stateIndex: stateIndex, unitFills: unitFills,
        borderSet: borderSet, ghostSet: ghostSet, changeText: changeText, changeParts: changeParts, parseDate: parseDate,
        visibleEvents: visibleEvents,
        statusLine: statusLine, sinceState: sinceState, nextChange: nextChange, viewQuery: viewQuery,
        withParam: withParam, assetUrl: assetUrl, contemporary: contemporary};
}));
