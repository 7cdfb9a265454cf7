/* Northern Border Atlas: the page glue. Loads the page bundle (geodata/page/), draws the map once
   (assets/nba_map.js) and, on every slider step, updates the map, the date and what changed, the events list,
   the text table and the address directly from the model (assets/nba_model.js). The slider is watched in the
   DOM (its aria-valuenow), so a step goes through neither Dash's callback chain nor a plotting library.
   Dash's clientside callbacks that remain (Play, previous/next change, the page's first load) are in
   dash_clientside.atlas; everything else lives on window.NBA. */
(function (root) {
    "use strict";
    var NBA = root.NBA = root.NBA || {};
    var HTML_LANG = {en: "en", zh: "zh-Hans", mn: "mn-Cyrl"};
    var page = NBA.page = {ready: false, data: null, stop: -1, k: -1, mode: "control", unit: null, chosen: null};

    function M() { return NBA.model; }
    function byId(id) { return document.getElementById(id); }
    function setProps(id, props) {
        if (root.dash_clientside && root.dash_clientside.set_props) { root.dash_clientside.set_props(id, props); }
    }
    function ui(key, fallback) { return page.ui && page.ui[key] !== undefined ? page.ui[key] : fallback; }
    function words(iso, precision) { return M().words(iso, precision, page.ui); }

    function setText(id, text) {
        var node = byId(id);
        if (node && node.textContent !== text) { node.textContent = text; }
    }

    function make(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    function loadBundle(base, name) {
        /* A bundle file: given by a <script> in the static export (NBA.preloaded), else fetched from the server. */
        var pre = NBA.preloaded && NBA.preloaded[name];
        if (pre) { return Promise.resolve(pre); }
        return fetch(M().assetUrl(base, name), {credentials: "same-origin"}).then(function (r) {
            if (!r.ok) { throw new Error(name + ": HTTP " + r.status); }
            return r.json();
        });
    }

    function merge(tl, text, geo) {
        /* One object with the timeline and this language's text (what the tour and trust scripts read). */
        var events = tl.events.map(function (e, i) {
            return Object.assign({}, e, text.events[i], {words: words(e.date, e.precision)});
        });
        return Object.assign({}, tl, {lang: text.lang, unitNames: text.units, events: events, text: text, map: geo});
    }

    /* ---- one step ---------------------------------------------------------------------------------- */

    function drawMap(stop) {
        /* Bring the map to a slider position; true when anything on it changed. */
        var d = page.data, k = d.stopState[stop], changed = false;
        if (k !== page.k || page.drawnMode !== page.mode) {
            changed = true;
            page.map.step(M().unitFills(d, page.styles, k), M().borderSet(d, k, page.mode), M().ghostSet(d, k, page.mode));
            page.drawnMode = page.mode;
        }
        var vis = M().visibleEvents(d, stop), chosen = -1;
        d.events.forEach(function (e, i) { if (e.id === page.chosen && e.stop === stop) { chosen = i; } });
        var key = vis.join(",") + "|" + chosen;
        if (key !== page.eventKey) {
            changed = true;
            page.eventKey = key;
            var list = vis.map(function (i) {
                var e = d.events[i];
                return {index: i, x: e.x, y: e.y, place: e.place, title: e.title};
            });
            if (chosen >= 0 && vis.indexOf(chosen) < 0) { list.push({index: chosen, x: d.events[chosen].x, y: d.events[chosen].y, title: d.events[chosen].title}); }
            page.map.events(list, chosen);
        }
        return changed;
    }

    function markDrawn(stop, changed, then) {
        /* After the next frame (the step painted): tests and the benchmark wait for this; `then` runs after it. */
        root.requestAnimationFrame(function () {
            var ch = new MessageChannel();
            ch.port1.onmessage = function () {
                if (then) { then(); }
                var node = byId("map");
                if (node) {
                    node.setAttribute("data-drawn-stop", String(stop));
                    node.dispatchEvent(new CustomEvent("atlas:drawn", {detail: {stop: stop, changed: Boolean(changed)}}));
                }
            };
            ch.port2.postMessage(0);
        });
    }

    function step(value, force) {
        if (!page.ready) { page.pending = value; return; }
        var d = page.data, stop = M().clampStop(d, value);
        if (stop === page.stop && !force) { return; }
        var k = d.stopState[stop], when = d.stops[stop];
        var changed = drawMap(stop);
        page.stop = stop;
        var stateChanged = k !== page.k;
        page.k = k;
        setText("date-text", words(when));
        setText("date-contemporary", M().contemporary(d.text, when));   /* as contemporaries wrote it, if exact */
        fixAria(stop);   /* the thumb says the date in words at once */
        var change = M().changeText(d, d.text, page.ui, stop);
        setText("change-text", change);
        var marker = byId("area-date");
        if (marker) { marker.style.setProperty("--f", String(d.stopFrac[stop])); }
        /* the events list is drawn in the frame after the map's: a long list must not hold the map back */
        markDrawn(stop, changed, function () { if (page.stop === stop) { renderEvents(stop); } });
        later(function () {
            /* off screen or for assistive technology: once the slider rests, not at every step of a drag */
            renderTextView(k);
            setText("announce", words(when) + ui("sentenceEnd", ". ") + change);
            writeUrl();
            if (page.unit && (stateChanged || force)) { setProps("details-request", {data: {unit: page.unit, state: k}}); }
        });
    }

    var restTimer = null, restJobs = [];
    function later(job) {
        restJobs = [job];
        clearTimeout(restTimer);
        restTimer = setTimeout(function () { var jobs = restJobs; restJobs = []; jobs.forEach(function (j) { j(); }); }, 250);
    }

    /* ---- the parts that follow the date ----------------------------------------------------------- */

    function renderEvents(stop) {
        /* The events list near the date (this script owns it: Dash renders the empty <ol>). */
        var list = byId("event-list"), d = page.data;
        if (!list) { return; }
        var when = d.stops[stop], vis = M().visibleEvents(d, stop), selected = page.chosen;
        var current = vis.filter(function (i) { return d.events[i].date === when; });
        var key = vis.join(",") + "|" + current.join(",") + "|" + (selected || "");
        if (list.getAttribute("data-key") === key) { return; }
        list.setAttribute("data-key", key);
        var frag = document.createDocumentFragment();
        vis.forEach(function (i) {
            var ev = d.events[i];
            var li = make("li", {"class": "event" + (ev.date === when ? " current" : "") + (ev.id === selected ? " chosen" : ""),
                id: "event-" + ev.id});
            var head = make("div");
            head.appendChild(make("time", {datetime: ev.date, "class": "event-date"}, ev.words));
            if (ev.contemporary) { head.appendChild(make("span", {"class": "event-contemporary"}, ev.contemporary)); }
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
                    item.appendChild(make("a", {href: src.url, target: "_blank", rel: "noopener noreferrer"}, src.title || src.url));
                    ul.appendChild(item);
                });
                li.appendChild(ul);
            }
            /* hook for assets/trust.js: "How each side sees it" for events that are contested moments */
            var extra = NBA.trust ? NBA.trust.eventExtra(ev.id) : null;
            if (extra) { li.appendChild(extra); }
            frag.appendChild(li);
        });
        list.replaceChildren(frag);
    }

    function renderTextView(k) {
        /* The table of what the map shows (unit, status, since, other claimants). */
        var body = byId("text-view-body"), d = page.data;
        if (!body || body.getAttribute("data-state") === String(k) + d.lang) { return; }
        body.setAttribute("data-state", String(k) + d.lang);
        var state = d.states[k], frag = document.createDocumentFragment();
        for (var i = 0; i < d.units.length; i++) {
            var st = state.s[i], tr = make("tr", {"data-unit": d.units[i]});
            tr.appendChild(make("th", {scope: "row"}, d.unitNames[i]));
            var cell = make("td");
            if (st >= 0) {
                cell.appendChild(make("span", {"class": "swatch" + (page.styles[st].hatch ? " hatched" : ""),
                    style: "background-color:" + page.styles[st].color, "aria-hidden": "true"}));
            }
            cell.appendChild(document.createTextNode(st >= 0 ? d.text.statuses[st] : ui("noData", "No data")));
            tr.appendChild(cell);
            var since = d.states[M().sinceState(d, k, i)].date, td = make("td");
            td.appendChild(make("time", {datetime: since}, words(since)));
            tr.appendChild(td);
            var claims = state.c[i].map(function (c) { return d.text.claimants[c]; });
            tr.appendChild(make("td", {}, claims.length ? claims.join(ui("listSep", ", ")) : ui("none", "—")));
            frag.appendChild(tr);
        }
        body.replaceChildren(frag);
        setText("text-view-caption", M().fill(ui("caption", "Each region's status on {date}"), {date: words(state.date)}));
    }

    function fixAria(stop) {
        /* Dash 4's own widgets need a few attributes to be usable with a screen reader and the keyboard:
           the slider thumb gets a name and the date in words; the border switch is a radio group; the region
           picker's real button takes the focus, not a hidden input. */
        var thumb = document.querySelector("#year-slider [role=slider]");
        if (thumb) {
            var label = byId("controls");
            thumb.setAttribute("aria-label", (label && label.getAttribute("aria-label")) || "Date");
            thumb.setAttribute("aria-valuetext", words(page.data.stops[stop]));
        }
        var modes = byId("mode-switch");
        if (modes && modes.getAttribute("role") !== "radiogroup") {
            modes.setAttribute("role", "radiogroup");
            modes.setAttribute("aria-labelledby", "mode-label");
            modes.querySelectorAll("[role=option]").forEach(function (o) { o.removeAttribute("role"); o.removeAttribute("aria-selected"); });
        }
        var picker = byId("region-picker"), focusTarget = picker && picker.parentNode ?
            picker.parentNode.querySelector(".dash-dropdown-focus-target") : null;
        if (focusTarget && focusTarget.getAttribute("tabindex") !== "-1") {
            focusTarget.setAttribute("tabindex", "-1");
            picker.setAttribute("tabindex", "0");
        }
        return Boolean(thumb && modes && focusTarget);
    }

    /* ---- the address, share and embed -------------------------------------------------------------- */

    function currentQuery() {
        var lang = page.staticPage ? "en" : page.data.lang;   /* a static page's language is its file */
        return M().viewQuery(page.data, {stop: page.stop, mode: page.mode, unit: page.unit, lang: lang},
            page.staticPage ? "" : root.location.search);
    }

    function writeUrl() {
        /* history.replaceState: no reload, no server call, no new history entry per step. */
        if (!page.ready || page.staticPage) { syncLinks(currentQuery()); return; }
        var query = currentQuery();
        if (query !== root.location.search) {
            root.history.replaceState(root.history.state, "", root.location.pathname + query + root.location.hash);
        }
        syncLinks(query);
    }

    function syncLinks(query) {
        /* Links that carry the view: the language switch, "open the full atlas", the share and embed fields. */
        document.querySelectorAll("#language-nav a[data-lang]").forEach(function (a) {
            var file = a.getAttribute("data-file");   /* the static export: one file per language */
            a.setAttribute("href", file ? file + query : M().withParam(query, "lang", a.getAttribute("data-lang")));
        });
        var full = byId("open-full");
        if (full) { full.setAttribute("href", M().withParam(query, "embed", "0")); }
        fillShare();
    }

    function pageUrl(extra) {
        var loc = root.location, query = loc.search;
        if (extra) { Object.keys(extra).forEach(function (k) { query = M().withParam(query, k, extra[k]); }); }
        return loc.origin + loc.pathname + query;
    }

    function embedCode() {
        var area = byId("embed-code");
        var title = (area && area.getAttribute("data-frame-title")) || "Northern Border Atlas";
        var esc = function (v) { return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); };
        return '<iframe src="' + esc(pageUrl({embed: "1"})) + '" width="640" height="480" title="' + esc(title) +
            '" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>';
    }

    function fillShare() {
        var link = byId("share-link"), code = byId("embed-code");
        if (link) { link.value = pageUrl(); }
        if (code) { code.value = embedCode(); }
    }

    function copyText(text, field, message) {
        /* Clipboard API where the page may use it; else select the field for the reader to copy. */
        var status = byId("share-status");
        function done(ok) {
            if (status) { status.textContent = ok ? message : ui("copyFailed", "Copy the text below."); }
            if (!ok && field) { field.focus(); field.select(); }
        }
        if (navigator.clipboard && root.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        } else { done(false); }
    }

    /* ---- the map and what the reader does on it -------------------------------------------------- */

    function hover(i) {
        var d = page.data;
        return [d.unitNames[i], M().statusLine(d, d.text, page.ui, page.k, i),
            d.map.unitApprox[i] ? ui("borderApprox", "Border approximate") : ui("borderClose", "Border close to historical")];
    }

    function setView(mode, unit, chosen) {
        /* Border mode, selected unit and chosen event (from the controls, a click or the address). */
        var d = page.data;
        page.mode = mode === "claim" ? "claim" : "control";
        var changedUnit = (unit || null) !== page.unit;
        page.unit = unit || null;
        page.chosen = chosen || null;
        page.map.select(page.unit ? d.units.indexOf(page.unit) : -1);
        page.eventKey = null;
        if (page.stop >= 0) {
            drawMap(page.stop);
            var list = byId("event-list");
            if (list) { list.removeAttribute("data-key"); }
            renderEvents(page.stop);
            markDrawn(page.stop, true);
            writeUrl();
        }
        if (changedUnit) { setProps("details-request", {data: page.unit ? {unit: page.unit, state: page.k} : null}); }
    }

    function showEvent(i) {
        var ev = page.data.events[i];
        if (!ev || ev.stop < 0) { return; }
        page.chosen = ev.id;
        setProps("selected-event", {data: ev.id});
        setProps("year-slider", {value: ev.stop});
    }

    function watchSlider() {
        /* The slider's thumb says its value in aria-valuenow as soon as Dash's slider renders it: follow that
           (keys, dragging, Play, the tour and the server all move the slider). */
        var host = byId("controls");   /* the slider's own node is replaced when its code arrives: watch its wrapper */
        if (!host) { return false; }
        new MutationObserver(function () {
            var thumb = host.querySelector("#year-slider [role=slider]");
            if (thumb) { step(parseInt(thumb.getAttribute("aria-valuenow"), 10)); }
        }).observe(host, {attributes: true, attributeFilter: ["aria-valuenow"], subtree: true, childList: true});
        return true;
    }

    /* Key presses and dragging on the slider are taken before Dash's slider sees them: the map, the thumb and
       the texts move at once, and Dash hears the new value once the slider rests (so a step never waits for
       Dash to re-render the page). Play, the tour and the server still move the slider through Dash. */
    var KEYS = {ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10};
    var commitTimer = null, dragging = null;

    function thumb() { return document.querySelector("#year-slider [role=slider]"); }

    function showThumb(node, v) {
        /* Place the thumb as Dash's slider would (its centre moves from half a thumb in at each end). */
        var max = parseInt(node.getAttribute("aria-valuemax"), 10) || 1, p = 100 * v / max, half = node.offsetWidth / 2;
        node.setAttribute("aria-valuenow", String(v));
        if (node.parentNode && node.parentNode.style) {
            node.parentNode.style.left = "calc(" + p + "% + " + (half - half * p / 50) + "px)";
        }
    }

    function userMove(v) {
        var node = thumb();
        if (!page.ready || !node) { return; }
        v = M().clampStop(page.data, v);
        if (v === page.stop) { return; }
        showThumb(node, v);
        step(v);
        clearTimeout(commitTimer);
        /* Dash re-renders its slider when told: only once the reader pauses (keys held down repeat faster) */
        commitTimer = setTimeout(function () { setProps("year-slider", {value: page.stop}); }, 500);
    }

    function valueAt(clientX) {
        var host = document.querySelector("#year-slider .dash-slider-root"), node = thumb();
        if (!host || !node) { return page.stop; }
        var r = host.getBoundingClientRect(), half = node.offsetWidth / 2;
        var max = parseInt(node.getAttribute("aria-valuemax"), 10) || 0;
        var f = Math.max(0, Math.min(1, (clientX - r.left - half) / Math.max(1, r.width - 2 * half)));
        return Math.round(f * max);
    }

    document.addEventListener("keydown", function (e) {
        if (!page.ready || !e.target.closest || !e.target.closest("#year-slider [role=slider]")) { return; }
        var d = page.data, to = null;
        if (KEYS[e.key] !== undefined) { to = page.stop + KEYS[e.key] * (e.shiftKey ? 10 : 1); }
        if (e.key === "Home") { to = 0; }
        if (e.key === "End") { to = d.stops.length - 1; }
        if (to === null) { return; }
        e.preventDefault();
        e.stopPropagation();
        userMove(to);
    }, true);
    document.addEventListener("pointerdown", function (e) {
        var host = e.target.closest ? e.target.closest("#year-slider .dash-slider-root") : null;
        if (!page.ready || !host || e.button !== 0) { return; }
        e.preventDefault();
        e.stopPropagation();
        dragging = {id: e.pointerId};
        var node = thumb();
        if (node) { node.focus(); }
        userMove(valueAt(e.clientX));
    }, true);
    document.addEventListener("pointermove", function (e) {
        if (!dragging) { return; }
        e.preventDefault();
        e.stopPropagation();
        userMove(valueAt(e.clientX));
    }, true);
    document.addEventListener("pointerup", function (e) {
        if (!dragging) { return; }
        dragging = null;
        e.stopPropagation();
        clearTimeout(commitTimer);
        setProps("year-slider", {value: page.stop});
    }, true);

    function start(cfg, value) {
        /* Load the bundle, draw the map and the first step. cfg: the atlas-data store (or the export's config). */
        page.ui = cfg.ui;
        page.styles = cfg.styles;
        page.staticPage = Boolean(cfg.staticPage);
        if (cfg.lang && HTML_LANG[cfg.lang]) { document.documentElement.lang = HTML_LANG[cfg.lang]; }
        return Promise.all([loadBundle(cfg.bundle, "timeline.json"), loadBundle(cfg.bundle, "map.json"),
            loadBundle(cfg.bundle, "text-" + cfg.lang + ".json")]).then(function (files) {
            var d = page.data = merge(files[0], files[2], files[1]);
            var container = byId("map");
            page.map = NBA.map.create(container, files[1], page.styles, {
                hover: hover,
                unit: function (i) { setProps("region-picker", {value: d.units[i]}); setView(page.mode, d.units[i], page.chosen); },
                event: showEvent,
                empty: function () { setProps("region-picker", {value: null}); setView(page.mode, null, page.chosen); }
            });
            page.mode = cfg.mode === "claim" ? "claim" : "control";
            page.unit = cfg.region || null;
            page.map.select(page.unit ? d.units.indexOf(page.unit) : -1);
            page.ready = true;
            if (page.pendingView) { setView.apply(null, page.pendingView); page.pendingView = null; }
            var first = page.pending !== undefined ? page.pending : value;
            step(first, true);
            if (!page.staticPage) { watchSlider(); }
            var tries = 0;
            (function aria() { if (!fixAria(page.stop) && ++tries < 50) { setTimeout(aria, 100); } }());
            document.body.setAttribute("data-ready", "1");
            return d;
        });
    }

    NBA.atlas = {start: start, step: step, setView: setView, showEvent: showEvent, words: words,
        currentIso: function () { return page.ready && page.stop >= 0 ? page.data.stops[page.stop] : null; },
        flushUrl: writeUrl, copyText: copyText, pageUrl: pageUrl, embedCode: embedCode};

    /* ---- Dash's clientside callbacks ---------------------------------------------------------------- */

    function triggered() {
        var ctx = root.dash_clientside.callback_context;
        return ctx && ctx.triggered_id !== undefined ? ctx.triggered_id : null;
    }

    function init(cfg, value) {
        start(cfg, value);
        return true;
    }

    function view(mode, unit, chosen) {
        if (page.ready) { setView(mode, unit, chosen); } else { page.pendingView = [mode, unit, chosen]; }
        return root.dash_clientside.no_update;
    }

    function navigate(play, ticks, prev, next, value, stopped) {
        /* Play / Pause, the Play timer, previous / next change: a new slider value. */
        var NU = root.dash_clientside.no_update;
        if (!page.ready) { return [NU, NU, NU]; }
        var d = page.data, id = triggered(), last = d.stops.length - 1, stop = M().clampStop(d, value);
        if (id === "play-button") {
            if (!stopped) { return [NU, true, ui("play", "Play")]; }
            return [stop >= last ? 0 : NU, false, ui("pause", "Pause")];
        }
        if (id === "play-interval") {
            if (stopped) { return [NU, NU, NU]; }
            if (stop + 1 >= last) { return [last, true, ui("play", "Play")]; }
            return [stop + 1, NU, NU];
        }
        if (id === "prev-change" || id === "next-change") {
            var target = M().nextChange(d, stop, id === "next-change" ? 1 : -1);
            return [target === null ? NU : target, NU, NU];
        }
        return [NU, NU, NU];
    }

    function checkView(search, rendered) {
        /* The server drew the page for the address it saw (the layout request's Referer). If that did not reach
           it, ask the server to read the address now (set_props: a callback output would call the server on
           every page load). */
        var here = typeof search === "string" ? search : "";
        if (here !== (rendered || "")) { setProps("view-request", {data: {search: here}}); }
        return true;
    }

    root.dash_clientside = Object.assign({}, root.dash_clientside, {
        atlas: {init: init, view: view, navigate: navigate, checkView: checkView}
    });

    /* A language link or "open the full atlas" opens the view as it is at this moment. */
    document.addEventListener("click", function (e) {
        if (e.target.closest && e.target.closest("#language-nav a, #open-full")) { writeUrl(); }
    }, true);

    document.addEventListener("click", function (e) {
        var t = e.target.closest ? e.target : null;
        if (!t) { return; }
        var target = t.closest("#share-button, #embed-button, #copy-embed, #close-embed, #map-zoom-in, #map-zoom-out, #map-reset");
        var btn = t.closest("#event-list button.event-title");
        if (btn && page.ready) { showEvent(parseInt(btn.getAttribute("data-index"), 10)); return; }
        if (t.closest("#clear-selection") && page.ready) {
            setProps("region-picker", {value: null});
            setView(page.mode, null, page.chosen);
            return;
        }
        if (!target) { return; }
        if (target.id.indexOf("map-") === 0) {
            if (page.map) { page.map.zoom({"map-zoom-in": 0.7, "map-zoom-out": 1 / 0.7, "map-reset": 0}[target.id]); }
            return;
        }
        var sharePanel = byId("share-panel"), embedPanel = byId("embed-panel"), embedButton = byId("embed-button");
        writeUrl();
        if (target.id === "share-button") {
            if (sharePanel) { sharePanel.hidden = false; }
            copyText(pageUrl(), byId("share-link"), ui("copied", "Link copied."));
        } else if (target.id === "embed-button") {
            var open = embedPanel && embedPanel.hidden;
            if (embedPanel) { embedPanel.hidden = !open; }
            if (embedButton) { embedButton.setAttribute("aria-expanded", open ? "true" : "false"); }
            if (open) { byId("embed-code").focus(); byId("embed-code").select(); }
        } else if (target.id === "copy-embed") {
            copyText(embedCode(), byId("embed-code"), ui("codeCopied", "Code copied."));
        } else if (target.id === "close-embed") {
            if (embedPanel) { embedPanel.hidden = true; }
            if (embedButton) { embedButton.setAttribute("aria-expanded", "false"); embedButton.focus(); }
        }
    });
}(window));
