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

    function unitName(text, i, iso) {
        /* Unit i's name at an ISO date: the names of the period (text.datedNames, from units.yaml names_by_date; an
           entry covers the days before its `until`, "" on the open last one), else its one name (text.units).
           Mirrors geodata.unit_name. */
        var dated = text.datedNames && text.datedNames[i];
        if (dated && dated.length) {
            for (var n = 0; n < dated.length; n++) { if (!dated[n][0] || iso < dated[n][0]) { return dated[n][1]; } }
        }
        return text.units[i];
    }

    function unitNames(text, iso) {
        /* Every unit's name at an ISO date, in bundle order. */
        return text.units.map(function (u, i) { return unitName(text, i, iso); });
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
            byKey[phrase].units.push(unitName(text, u, state.date));
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
        /* "Status; claimed by X" of unit i at state k; a claim the status label already states ("Independent in
           practice, claimed by China": tl.labelClaims) is not said again. */
        var st = tl.states[k].s[i];
        var line = st >= 0 ? text.statuses[st] : s(ui, "noData");
        var said = st >= 0 && tl.labelClaims ? tl.labelClaims[st] || [] : [];
        var claims = tl.states[k].c[i].filter(function (c) { return said.indexOf(c) < 0; })
            .map(function (c) { return text.claimants[c]; });
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
        /* ?compare= or ?lock= as the address writes it (dashboard/query.py parse_when): "1946" or "1946-01-05" ->
           {iso, precision}; a year is its 1 January (its 31 December when `end`). null when it is neither. */
        var v = String(raw === undefined || raw === null ? "" : raw).trim();
        if (YEAR.test(v)) { return {iso: v + (end ? "-12-31" : "-01-01"), precision: "year"}; }
        return ISO.test(v) && parseDate(v) ? {iso: v, precision: "day"} : null;
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

    /* ---- names on the map: where each label goes, as pure box arithmetic in map units ------------------ */

    function roomAt(anchor, halfHeights, hh) {
        /* The half-width a box of half-height hh may have around a unit's anchor and stay inside it. */
        for (var n = 0; n < halfHeights.length; n++) { if (halfHeights[n] >= hh) { return anchor[2 + n]; } }
        return 0;
    }

    /* where a name may move off its anchor, nearest first: [dx in half-widths of the name, dy in font heights] */
    var SHIFTS = [[0, 0]];
    [0.5, 1, 1.5, 2, 3].forEach(function (d) { SHIFTS.push([0, -d], [0, d]); });
    [0.3, 0.6].forEach(function (d) { [0, -1, 1, -2, 2].forEach(function (e) { SHIFTS.push([-d, e], [d, e]); }); });

    function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

    function labelLayout(input) {
        /* Place the region names and the event labels on the map without collisions.
           input: ppu (screen px per map unit), fontPx, view ([x, y, w, h] visible, map units), halfHeights,
           regions (in priority order: {i, anchors [[x, y, room...], ...] best first, one: width px, two: [px, px] or null,
           callout: may be placed beside the region with a leader line}), markers ([{x, y}] event markers, map
           units, each an obstacle of markerPx); overhang: a large region may have its name overhang its edges
           when it fits nowhere inside; events ({index, x, y, width px} labels wanted, in priority order).
           Returns {regions: [{i, x, y, lines, scale (of the font), from: [x, y] (leader line start) or null, to}],
           events: [{index, dx, dy, anchor}] (offset of the label from its marker, in px)}.
           A name goes inside its region where its box fits (on one line, else two); failing that, a region that
           may have a callout gets one beside it; anything else stays unlabelled (its name is in the tooltip). */
        var ppu = input.ppu, fh = input.fontPx / ppu, pad = 2 / ppu, view = input.view;
        var placed = [], out = {regions: [], events: []}, mr = (input.markerPx || 7) / ppu;
        var markers = (input.markers || []).map(function (m) { return [m.x - mr, m.y - mr, m.x + mr, m.y + mr]; });
        function free(box, skipMarker) {
            if (box[0] < view[0] || box[1] < view[1] || box[2] > view[0] + view[2] || box[3] > view[1] + view[3]) { return false; }
            for (var n = 0; n < placed.length; n++) { if (overlaps(box, placed[n])) { return false; } }
            for (n = 0; n < markers.length; n++) { if (n !== skipMarker && skipMarker !== "all" && overlaps(box, markers[n])) { return false; } }
            return true;
        }
        function variants(r) {
            /* one line, two lines, then both a size smaller (not below 9 px) */
            var v = [], small = Math.max(8.5 / input.fontPx, 0.75);
            [1, small].forEach(function (k) {
                if (k < 1 && small >= 1) { return; }
                v.push({lines: 1, hw: k * r.one / ppu / 2 + pad, hh: 0.6 * k * fh + pad, scale: k});
                if (r.two) { v.push({lines: 2, hw: k * Math.max(r.two[0], r.two[1]) / ppu / 2 + pad, hh: 1.2 * k * fh + pad, scale: k}); }
            });
            return v;
        }
        var later = [];
        (input.regions || []).forEach(function (r) {
            /* inside: at the anchor, else moved off it (clear of a marker or another name) while the box still
               fits the room stored around the anchor (a box moved by dx, dy fits if hw + |dx| fits at hh + |dy|) */
            /* clear of the event markers if it can be, else under one (a marker is drawn over the names) */
            var done = false;
            [-1, "all"].forEach(function (skip) { (r.anchors || [r.anchor]).forEach(function (a) { variants(r).forEach(function (v) {
                SHIFTS.forEach(function (sh) {
                    if (done) { return; }
                    var dx = sh[0] * v.hw, dy = sh[1] * fh, box = [a[0] + dx - v.hw, a[1] + dy - v.hh, a[0] + dx + v.hw, a[1] + dy + v.hh];
                    /* 15% leeway: the halo keeps a name legible where its ends touch the region's edge */
                    if (v.hw + Math.abs(dx) <= 1.15 * roomAt(a, input.halfHeights, v.hh - pad + Math.abs(dy)) && free(box, skip)) {
                        placed.push(box);
                        out.regions.push({i: r.i, x: a[0] + dx, y: a[1] + dy, lines: v.lines, scale: v.scale, from: null});
                        done = true;
                    }
                });
            }); }); });
            /* a large region whose name is longer than its room (a phone): the name centred in it, ends overhanging */
            if (!done && r.overhang) {
                (r.anchors || [r.anchor]).forEach(function (a) { variants(r).slice().reverse().forEach(function (v) {
                    SHIFTS.slice(0, 5).forEach(function (sh) {
                        if (done) { return; }
                        var dy = sh[1] * fh, box = [a[0] - v.hw, a[1] + dy - v.hh, a[0] + v.hw, a[1] + dy + v.hh];
                        if (roomAt(a, input.halfHeights, Math.abs(dy)) > 0 && free(box, "all")) {
                            placed.push(box);
                            out.regions.push({i: r.i, x: a[0], y: a[1] + dy, lines: v.lines, scale: v.scale, from: null});
                            done = true;
                        }
                    });
                }); });
            }
            if (!done && r.callout) { later.push(r); }
        });
        (input.events || []).forEach(function (e) {
            var hw = e.width / ppu / 2 + pad, hh = 0.6 * (input.eventPx || input.fontPx) / ppu + pad, gap = mr + pad;
            var own = -1;
            (input.markers || []).forEach(function (m, n) { if (m.x === e.x && m.y === e.y) { own = n; } });
            var spots = [[0, -(gap + hh), "middle"], [0, gap + hh, "middle"], [gap + hw, 0, "start"], [-(gap + hw), 0, "end"]];
            for (var n = 0; n < spots.length; n++) {
                var cx = e.x + spots[n][0], cy = e.y + spots[n][1], box = [cx - hw, cy - hh, cx + hw, cy + hh];
                if (free(box, own)) {
                    placed.push(box);
                    var dx = spots[n][2] === "start" ? gap : (spots[n][2] === "end" ? -gap : 0);
                    out.events.push({index: e.index, dx: dx * ppu, dy: cy * ppu - e.y * ppu, anchor: spots[n][2]});
                    return;
                }
            }
        });
        /* callouts crowd a map: a few, northernmost first (the atlas is about China's northern border) */
        later.sort(function (p, q) { return (p.anchors || [p.anchor])[0][1] - (q.anchors || [q.anchor])[0][1]; });
        var callouts = 0, maxCallouts = input.maxCallouts === undefined ? 4 : input.maxCallouts;
        later.forEach(function (r) {
            if (callouts >= maxCallouts) { return; }
            var a = (r.anchors || [r.anchor])[0], v = variants(r)[0], d = Math.max(roomAt(a, input.halfHeights, 0), 4 / ppu) + 10 / ppu;
            for (var n = 0; n < 8; n++) {
                var ang = -Math.PI / 2 + n * Math.PI / 4, cx = a[0] + Math.cos(ang) * (d + v.hw), cy = a[1] + Math.sin(ang) * (d + v.hh);
                var box = [cx - v.hw, cy - v.hh, cx + v.hw, cy + v.hh];
                /* the leader runs from the anchor to the edge of the label's box nearest to it, crossing no label */
                var ex = Math.max(box[0], Math.min(a[0], box[2])), ey = Math.max(box[1], Math.min(a[1], box[3]));
                var dots = [1, 2, 3, 4, 5, 6, 7].map(function (t) {
                    var px = a[0] + (ex - a[0]) * t / 8, py = a[1] + (ey - a[1]) * t / 8;
                    return [px - pad / 2, py - pad / 2, px + pad / 2, py + pad / 2];
                });
                if (free(box, -1) && dots.every(function (dot) { return free(dot, "all"); })) {
                    placed.push(box);
                    placed.push.apply(placed, dots);
                    out.regions.push({i: r.i, x: cx, y: cy, lines: 1, scale: 1, from: [a[0], a[1]], to: [ex, ey]});
                    callouts++;
                    return;
                }
            }
        });
        return out;
    }

    function calloutUnits(tl, k) {
        /* Units that may be named beside themselves at state k: those whose status differs from both China's
           and Russia's (the regions the map is about at that date); the rest are named only where they fit. */
        var s = tl.states[k].s, china = s[tl.units.indexOf("china")], russia = s[tl.units.indexOf("russia")];
        return s.map(function (st) { return st >= 0 && st !== china && st !== russia; });
    }

    function splitName(name) {
        /* A name cut into two lines at the space nearest its middle, or before a bracket; null when it has neither. */
        var str = String(name), mid = str.length / 2, best = -1;
        for (var n = 1; n < str.length - 1; n++) {
            if (str.charAt(n) === " " && (best < 0 || Math.abs(n - mid) < Math.abs(best - mid))) { best = n; }
        }
        if (best > 0) { return [str.slice(0, best), str.slice(best + 1)]; }
        var br = str.search(/[（(]/);
        return br > 0 ? [str.slice(0, br), str.slice(br)] : null;
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

    return {bordersAt: bordersAt, unitName: unitName, unitNames: unitNames, labelLayout: labelLayout, roomAt: roomAt,
        calloutUnits: calloutUnits, splitName: splitName, fill: fill, words: words, cldrDate: cldrDate, number: number,
        clampStop: clampStop, stopOf: stopOf, stateIndex: stateIndex, unitFills: unitFills,
        borderSet: borderSet, ghostSet: ghostSet, changeText: changeText, changeParts: changeParts, parseDate: parseDate,
        visibleEvents: visibleEvents,
        statusLine: statusLine, sinceState: sinceState, nextChange: nextChange, viewQuery: viewQuery,
        withParam: withParam, assetUrl: assetUrl, contemporary: contemporary, parseWhen: parseWhen, stopParam: stopParam,
        compareStop: compareStop, lockRange: lockRange, clampLock: clampLock, compareChanges: compareChanges};
}));
