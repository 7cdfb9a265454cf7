/* Northern Border Atlas: the page glue. Loads the page bundle (geodata/page/), draws the map once
   (assets/nba_map.js) and, on every slider step, updates the map, the date and what changed, the events list,
   the text table and the address directly from the model (assets/nba_model.js). The slider is watched in the
   DOM (its aria-valuenow), so a step goes through neither Dash's callback chain nor a plotting library.
   Dash's clientside callbacks that remain (Play, previous/next change, the page's first load) are in
   dash_clientside.atlas; everything else lives on window.NBA. */
(function (root) {
    "use strict";
    var NBA = root.NBA = root.NBA || {};
    var page = NBA.page = {ready: false, data: null, stop: -1, k: -1, mode: "control", unit: null, chosen: null, names: []};

    function M() { return NBA.model; }
    function byId(id) { return document.getElementById(id); }
    function setProps(id, props) {
        if (root.dash_clientside && root.dash_clientside.set_props) { root.dash_clientside.set_props(id, props); }
    }
    function ui(key, fallback) { return page.ui && page.ui[key] !== undefined ? page.ui[key] : fallback; }
    function words(iso, precision) { return M().words(iso, precision, page.ui); }
    function lock(d) { return NBA.lesson ? NBA.lesson.range(d) : null; }   /* ?lock= (assets/lesson.js) */

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

    function swatch(st) {
        /* The colour key of status style st, as the legend draws it (null for "no data"). */
        if (st < 0) { return null; }
        return make("span", {"class": "swatch" + (page.styles[st].hatch ? " hatched" : ""),
            style: "background-color:" + page.styles[st].color, "aria-hidden": "true"});
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
        /* the names of the period (they change on their own dates, not only with the map's state) */
        page.names = M().unitNames(d.text, d.stops[stop]);
        page.map.labels(page.names, M().calloutUnits(d, k));
        var vis = M().visibleEvents(d, stop), chosen = -1;
        d.events.forEach(function (e, i) { if (e.id === page.chosen && e.stop === stop) { chosen = i; } });
        var onDate = vis.filter(function (i) { return d.events[i].date === d.stops[stop]; });
        var key = vis.join(",") + "|" + chosen + "|" + onDate.join(",");   /* markers are redrawn only when these change */
        if (key !== page.eventKey) {
            changed = true;
            page.eventKey = key;
            var list = vis.map(function (i) {
                var e = d.events[i];
                return {index: i, x: e.x, y: e.y, place: e.place, title: e.title, label: e.date === d.stops[stop]};
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
        var d = page.data, stop = M().clampLock(d, value, lock(d));
        if (stop === page.stop && !force) { return; }
        var k = d.stopState[stop], when = d.stops[stop];
        var changed = drawMap(stop);
        page.stop = stop;
        if (stop !== M().clampStop(d, value)) { setProps("year-slider", {value: stop}); }   /* kept inside ?lock= */
        var stateChanged = k !== page.k;
        page.k = k;
        setText("date-text", words(when));
        var written = M().contemporary(d.text, when);   /* as contemporaries wrote it, if exact */
        setText("date-contemporary", written);
        if (byId("date-contemporary")) { byId("date-contemporary").title = written; }   /* whole, where cut short */
        placeThumb(stop);   /* the thumb moves and says the date in words at once */
        var change = M().changeText(d, d.text, page.ui, stop);
        setText("change-text", change);
        var marker = byId("area-date");
        if (marker) { marker.style.setProperty("--f", String(d.stopFrac[stop])); }
        /* the events list is drawn in the frame after the map's: a long list must not hold the map back */
        markDrawn(stop, changed, function () { if (page.stop === stop) { renderEvents(stop); } });
        later(function () {
            /* off screen or for assistive technology: once the slider rests, not at every step of a drag */
            renderTextView(k);
            setText("text-view-caption", M().fill(ui("caption", "Each region's status on {date}"), {date: words(when)}));
            if (page.unit) { showCard(); }
            setText("announce", words(when) + ui("sentenceEnd", ". ") + change);
            writeUrl();
            if (page.unit && (stateChanged || force || page.names[d.units.indexOf(page.unit)] !== page.detailsName)) { requestDetails(); }
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

    function requestDetails() {
        /* Ask for the selected unit's details at this state, named as it was called on the slider's date. */
        var d = page.data;
        page.detailsName = page.unit ? page.names[d.units.indexOf(page.unit)] : null;
        setProps("details-request", {data: page.unit ? {unit: page.unit, state: page.k, stop: page.stop} : null});
    }

    function renderTextView(k) {
        /* The table of what the map shows (unit, status, since, other claimants). */
        var body = byId("text-view-body"), d = page.data, key = String(k) + d.lang + page.names.join("|");
        if (!body || body.getAttribute("data-state") === key) { return; }
        body.setAttribute("data-state", key);
        var state = d.states[k], frag = document.createDocumentFragment();
        for (var i = 0; i < d.units.length; i++) {
            var st = state.s[i], tr = make("tr", {"data-unit": d.units[i]});
            tr.appendChild(make("th", {scope: "row"}, page.names[i]));
            var cell = make("td");
            if (st >= 0) { cell.appendChild(swatch(st)); }
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
    }

    function fixAria() {
        /* Dash 4's own widgets need a few attributes to be usable with a screen reader and the keyboard: the
           border switch is a radio group; the region picker's real button takes the focus, not a hidden input. */
        var field = byId("date-input");
        if (field) { field.setAttribute("aria-describedby", "date-input-msg"); }
        /* dcc.Clipboard draws a plain <div>: make it a button the keyboard reaches (Enter and Space below) */
        document.querySelectorAll(".clip-button:not([role])").forEach(function (c) {
            c.setAttribute("role", "button");
            c.setAttribute("tabindex", "0");
        });
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
        return Boolean(page.staticPage || (modes && focusTarget));
    }

    document.addEventListener("keydown", function (e) {
        var c = e.target && e.target.closest ? e.target.closest(".clip-button[role=button]") : null;
        if (c && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); c.click(); }
    });

    /* ---- the address, share and embed -------------------------------------------------------------- */

    function currentQuery() {
        var lang = page.staticPage ? "en" : page.data.lang;   /* a static page's language is its file */
        return M().viewQuery(page.data, Object.assign({stop: page.stop, mode: page.mode, unit: page.unit, lang: lang},
            NBA.lesson ? NBA.lesson.params() : {}),
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

    function canCopy() { return Boolean(navigator.clipboard && root.isSecureContext); }

    /* Share and "Copy code" are Dash's dcc.Clipboard buttons. Before they copy, the fields get this moment's view
       (capture phase: ahead of Dash); where the page may not use the clipboard (plain http), they select the field
       for the reader to copy instead; after a copy (the button shows its tick), the status line says so. */
    document.addEventListener("click", function (e) {
        var btn = e.target.closest ? e.target.closest("#share-button, #copy-embed") : null;
        if (!btn || !page.ready) { return; }
        writeUrl();
        var field = byId(btn.id === "share-button" ? "share-link" : "embed-code"), panel = byId("share-panel");
        if (btn.id === "share-button" && panel) { panel.hidden = false; }
        var status = byId("share-status");
        if (status) { status.textContent = ""; }
        if (!canCopy()) {
            e.stopPropagation();
            if (status) { status.textContent = ui("copyFailed", "Copy the text below."); }
            if (field) { field.focus(); field.select(); }
        }
    }, true);

    function watchCopies() {
        ["share-button", "copy-embed"].forEach(function (id) {
            var btn = byId(id);
            if (!btn || btn.getAttribute("data-watched")) { return; }
            btn.setAttribute("data-watched", "1");
            new MutationObserver(function () {
                if (btn.querySelector(".copied")) {
                    setText("share-status", id === "share-button" ? ui("copied", "Link copied.") : ui("codeCopied", "Code copied."));
                }
            }).observe(btn, {childList: true, subtree: true});
        });
    }

    /* ---- the map and what the reader does on it -------------------------------------------------- */

    function hover(i) {
        var d = page.data;
        return [page.names[i], M().statusLine(d, d.text, page.ui, page.k, i),
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
        if (changedUnit) {
            requestDetails();
            showCard();
            setText("region-announce", page.unit ? regionSentence() : "");
        }
    }

    function regionSentence() {
        /* One sentence for screen readers when a region is chosen: "Outer Mongolia, 1 January 1911: status." */
        var d = page.data, i = d.units.indexOf(page.unit);
        return M().fill(ui("regionSaid", "{unit}, {date}: {status}."), {unit: page.names[i], date: words(d.stops[page.stop]),
            status: M().statusLine(d, d.text, page.ui, page.k, i)});
    }

    function showCard() {
        /* The compact card of the chosen region (the embed and phones show it over the map; CSS decides). */
        var card = byId("region-card"), d = page.data;
        if (!card) { return; }
        if (!page.unit) { card.hidden = true; card.replaceChildren(); return; }
        var i = d.units.indexOf(page.unit), st = d.states[page.k].s[i], claims = d.states[page.k].c[i];
        var head = make("div", {"class": "card-head"});
        head.appendChild(make("strong", {"class": "card-name"}, page.names[i]));
        head.appendChild(make("button", {type: "button", "class": "btn small card-close", id: "card-close",
            "aria-label": ui("close", "Close"), title: ui("close", "Close")}, "×"));
        var status = make("p", {"class": "card-status"});
        if (st >= 0) { status.appendChild(swatch(st)); }
        status.appendChild(document.createTextNode(st >= 0 ? d.text.statuses[st] : ui("noData", "No data")));
        var names = claims.map(function (c) { return d.text.claimants[c]; }).join(ui("listSep", ", "));
        var since = d.states[M().sinceState(d, page.k, i)].date;
        var full = make("a", {href: (byId("open-full") || {}).href || "?", target: "_blank", rel: "noopener", "class": "card-full"},
            ui("openFull", "Open the full atlas") + " ↗");
        card.replaceChildren(head, status,
            make("p", {"class": "card-claims"}, M().fill(ui("cardClaims", "Claimed by: {claims}."), {claims: names || ui("noClaimant", "none")})),
            make("p", {"class": "card-since"}, M().fill(ui("cardSince", "Since {date}{until}."), {date: words(since), until: ""})), full);
        card.hidden = false;
        var tip = document.querySelector("#map .map-tip");   /* a tap's hover box would cover the card */
        if (tip) { tip.hidden = true; }
    }

    function showEvent(i) {
        var ev = page.data.events[i];
        if (!ev || ev.stop < 0) { return; }
        page.chosen = ev.id;
        setProps("selected-event", {data: ev.id});
        setProps("year-slider", {value: ev.stop});
    }

    /* ---- the time slider ------------------------------------------------------------------------------
       Drawn here (views/slider.py renders its empty frame): a track even in time (a date's place is its share
       of 1689-2008, not its stop number), a tick at every change, the key years, and a thumb (role=slider) that
       steps stop by stop with the keys. Dash holds the value in the hidden #year-slider (a stop index): Play,
       the tour, the server and trust.js set it, and atlas.follow brings the page to it. Keys and dragging move
       the page at once and tell Dash once the reader pauses (a step never waits for Dash). */
    var KEYS = {ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10};
    var commitTimer = null, dragging = null;

    function thumb() { return document.querySelector("#date-slider [role=slider]"); }

    function timeFrac(iso) {
        var d = page.data, first = Date.parse(d.first), last = Date.parse(d.last);
        return Math.max(0, Math.min(1, (Date.parse(iso) - first) / (last - first)));
    }

    function buildSlider() {
        /* The track, the ticks at changes, the year labels and the thumb. */
        var host = byId("date-slider"), d = page.data;
        if (!host || host.querySelector(".ts-track")) { return; }
        var track = make("div", {"class": "ts-track"}), ticks = make("div", {"class": "ts-ticks", "aria-hidden": "true"});
        d.changeStops.forEach(function (c) {
            var tick = make("span", {"class": "ts-tick"});
            tick.style.left = (100 * timeFrac(d.stops[c])) + "%";
            ticks.appendChild(tick);
        });
        track.appendChild(make("div", {"class": "ts-rail"}));
        track.appendChild(ticks);
        var knob = make("div", {"class": "ts-thumb", role: "slider", tabindex: "0", "aria-valuemin": "0",
            "aria-valuemax": String(d.stops.length - 1), "aria-label": host.getAttribute("data-label") || "Date"});
        var desc = host.getAttribute("data-describedby");
        if (desc) { knob.setAttribute("aria-describedby", desc); }
        track.appendChild(knob);
        var years = make("div", {"class": "ts-years", "aria-hidden": "true"});
        (host.getAttribute("data-years") || "").split(",").filter(Boolean).forEach(function (y) {
            var label = make("span", {"class": "ts-year", "data-year": y}, y);
            label.style.left = (100 * timeFrac(y + "-01-01")) + "%";
            years.appendChild(label);
        });
        host.replaceChildren(track, years);
        spaceYears();
    }

    function spaceYears() {
        /* Hide the year labels that would overlap one already shown (the first and last always show). */
        var labels = Array.prototype.slice.call(document.querySelectorAll("#date-slider .ts-year"));
        if (!labels.length) { return; }
        labels.forEach(function (l) { l.classList.remove("crowded"); });
        var order = [labels[0], labels[labels.length - 1]].concat(labels.slice(1, -1)), shown = [];
        order.forEach(function (l) {
            var r = l.getBoundingClientRect();
            var hit = shown.some(function (o) { return r.left < o.right + 6 && r.right > o.left - 6; });
            if (hit) { l.classList.add("crowded"); } else { shown.push(r); }
        });
    }

    function fitMap() {
        /* On a wide screen, the map takes the height left under the controls (the legend is beside it), so that the
           whole map and its legend are in view at first sight (narrow screens and the embed: CSS alone). */
        var app = byId("app-root"), box = document.querySelector(".map");
        if (!app || !box) { return; }
        if (app.classList.contains("embed") || root.innerWidth <= 900) { app.style.removeProperty("--map-h"); return; }
        var top = box.getBoundingClientRect().top + root.scrollY;
        app.style.setProperty("--map-h", Math.max(300, Math.floor(root.innerHeight - top - 10)) + "px");
    }
    root.addEventListener("resize", function () { fitMap(); spaceYears(); });
    function watchTour() {
        /* a guided tour adds its caption above the map: the map gives up that height, and keeps it while the tour
           steps (the caption's height is fixed) */
        var bar = byId("tour");
        if (bar) { new MutationObserver(fitMap).observe(bar, {attributes: true, attributeFilter: ["class"]}); }
    }

    function placeThumb(stop) {
        var node = thumb();
        if (!node) { return; }
        node.style.left = (100 * timeFrac(page.data.stops[stop])) + "%";
        node.setAttribute("aria-valuenow", String(stop));
        node.setAttribute("aria-valuetext", words(page.data.stops[stop]));
    }

    function userMove(v, commitNow) {
        if (!page.ready) { return; }
        v = M().clampLock(page.data, v, lock(page.data));
        if (v !== page.stop) { step(v); }
        clearTimeout(commitTimer);
        if (commitNow) { setProps("year-slider", {value: page.stop}); return; }
        /* Dash hears the value only once the reader pauses (keys held down repeat faster) */
        commitTimer = setTimeout(function () { setProps("year-slider", {value: page.stop}); }, 500);
    }

    function stopAtFrac(f) {
        /* The stop whose date is nearest a place on the track (0..1). */
        var d = page.data, best = 0, dist = Infinity;
        for (var i = 0; i < d.stops.length; i++) {
            var e = Math.abs(timeFrac(d.stops[i]) - f);
            if (e < dist) { dist = e; best = i; }
        }
        return best;
    }

    function valueAt(clientX) {
        var track = document.querySelector("#date-slider .ts-track");
        if (!track) { return page.stop; }
        var r = track.getBoundingClientRect();
        return stopAtFrac(Math.max(0, Math.min(1, (clientX - r.left) / Math.max(1, r.width))));
    }

    document.addEventListener("keydown", function (e) {
        if (!page.ready || !e.target.closest || !e.target.closest("#date-slider [role=slider]")) { return; }
        var d = page.data, to = null;
        if (KEYS[e.key] !== undefined) { to = page.stop + KEYS[e.key] * (e.shiftKey ? 10 : 1); }
        if (e.key === "Home") { to = 0; }
        if (e.key === "End") { to = d.stops.length - 1; }
        if (to === null) { return; }
        e.preventDefault();
        userMove(to);
    });
    document.addEventListener("pointerdown", function (e) {
        var host = e.target.closest ? e.target.closest("#date-slider .ts-track, #date-slider .ts-years") : null;
        if (!page.ready || !host || e.button !== 0) { return; }
        e.preventDefault();
        dragging = {id: e.pointerId};
        var node = thumb();
        if (node) { node.focus(); }
        userMove(valueAt(e.clientX));
    });
    document.addEventListener("pointermove", function (e) {
        if (!dragging) { return; }
        e.preventDefault();
        userMove(valueAt(e.clientX));
    });
    document.addEventListener("pointerup", function () {
        if (!dragging) { return; }
        dragging = null;
        userMove(page.stop, true);
    });

    /* ---- the exact-date field --------------------------------------------------------------------------- */

    function goToTyped() {
        /* Move to the date typed in #date-input ("1921", "1921-07", "1921-07-11"); a clear message otherwise. */
        var field = byId("date-input"), msg = byId("date-input-msg"), d = page.data;
        if (!field || !page.ready) { return; }
        var iso = M().parseDate(field.value);
        var say = function (text) {
            if (msg) { msg.textContent = text; }
            field.setAttribute("aria-invalid", text ? "true" : "false");
        };
        if (!iso) { say(M().fill(ui("dateBad", "Not a date: {value}"), {value: field.value.trim()})); return; }
        if (iso < d.first || iso > d.last) {
            say(M().fill(ui("dateRange", "Choose a date from {first} to {last}."), {first: words(d.first), last: words(d.last)}));
            return;
        }
        say("");
        userMove(M().stopOf(d, iso), true);
    }

    document.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && e.target && e.target.id === "date-input") { e.preventDefault(); goToTyped(); }
    });
    document.addEventListener("click", function (e) {
        if (e.target && e.target.closest && e.target.closest("#date-go")) { goToTyped(); }
    });

    function start(cfg, value) {
        /* Load the bundle, draw the map and the first step. cfg: the atlas-data store (or the export's config). */
        page.ui = cfg.ui;
        page.styles = cfg.styles;
        page.staticPage = Boolean(cfg.staticPage);
        if (cfg.htmlLang) { document.documentElement.lang = cfg.htmlLang; }   /* dashboard.i18n.HTML_LANG */
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
            /* every name of every period and every event label, measured in one go before the first step */
            var names = files[2].units.slice();
            (files[2].datedNames || []).forEach(function (list) { list.forEach(function (e) { names.push(e[1]); }); });
            page.map.measure(names, d.events.map(function (e) { return e.place; }).concat(d.events.map(function (e) { return e.title; })));
            page.mode = cfg.mode === "claim" ? "claim" : "control";
            page.unit = cfg.region || null;
            page.map.select(page.unit ? d.units.indexOf(page.unit) : -1);
            buildSlider();
            fitMap();
            watchTour();
            page.ready = true;
            if (page.pendingView) { setView.apply(null, page.pendingView); page.pendingView = null; }
            var first = page.pending !== undefined ? page.pending : value;
            step(first, true);
            var tries = 0;
            (function aria() { watchCopies(); if (!fixAria() && ++tries < 50) { setTimeout(aria, 100); } }());
            document.body.setAttribute("data-ready", "1");
            return d;
        });
    }

    NBA.atlas = {start: start, step: step, setView: setView, showEvent: showEvent, words: words,
        currentIso: function () { return page.ready && page.stop >= 0 ? page.data.stops[page.stop] : null; },
        flushUrl: writeUrl, pageUrl: pageUrl, embedCode: embedCode, make: make, swatch: swatch};

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

    function follow(value) {
        /* Dash's value of the slider changed (Play, the tour, the server, trust.js): bring the page to it. */
        if (page.ready && value !== null && value !== undefined) { step(value); }
        return root.dash_clientside.no_update;
    }

    function navigate(play, ticks, prev, next, value, stopped) {
        /* Play / Pause, the Play timer, previous / next change: a new slider value. */
        var NU = root.dash_clientside.no_update;
        if (!page.ready) { return [NU, NU, NU]; }
        /* from the date the reader sees (page.stop): Dash's value lags up to 500 ms behind keys and drags */
        var d = page.data, id = triggered(), r = lock(d), last = r ? r.hi : d.stops.length - 1;
        var stop = M().clampLock(d, page.stop >= 0 ? page.stop : value, r);
        if (id === "play-button") {
            if (!stopped) { return [NU, true, ui("play", "Play")]; }
            return [stop >= last ? (r ? r.lo : 0) : NU, false, ui("pause", "Pause")];
        }
        if (id === "play-interval") {
            if (stopped) { return [NU, NU, NU]; }
            if (stop + 1 >= last) { return [last, true, ui("play", "Play")]; }
            return [stop + 1, NU, NU];
        }
        if (id === "prev-change" || id === "next-change") {
            var target = M().nextChange(d, stop, id === "next-change" ? 1 : -1);
            if (target !== null && M().clampLock(d, target, r) !== target) { target = null; }   /* not past ?lock= */
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
        atlas: {init: init, view: view, follow: follow, navigate: navigate, checkView: checkView}
    });

    /* An entry of the events list under the pointer or with the focus names its marker on the map. */
    ["focusin", "mouseover"].forEach(function (type) {
        document.addEventListener(type, function (e) {
            var btn = e.target.closest ? e.target.closest("#event-list li.event") : null;
            var b = btn ? btn.querySelector("button.event-title") : null;
            var index = b ? parseInt(b.getAttribute("data-index"), 10) : -1;
            if (page.map && index !== page.hint) { page.hint = index; page.map.hint(index); }
        });
    });

    /* A language link or "open the full atlas" opens the view as it is at this moment. */
    document.addEventListener("click", function (e) {
        if (e.target.closest && e.target.closest("#language-nav a, #open-full")) { writeUrl(); }
    }, true);

    document.addEventListener("click", function (e) {
        var t = e.target.closest ? e.target : null;
        if (!t) { return; }
        var target = t.closest("#embed-button, #close-embed, #map-zoom-in, #map-zoom-out, #map-reset");
        var btn = t.closest("#event-list button.event-title");
        if (btn && page.ready) {
            showEvent(parseInt(btn.getAttribute("data-index"), 10));
            var top = document.querySelector(".date-block"), box = byId("map").getBoundingClientRect();
            if (top && (box.top < 0 || box.bottom > root.innerHeight)) { top.scrollIntoView({block: "start"}); }
            return;
        }
        if (t.closest("#card-close") && page.ready) {
            setProps("region-picker", {value: null});
            setView(page.mode, null, page.chosen);
            return;
        }
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
        var embedPanel = byId("embed-panel"), embedButton = byId("embed-button");
        writeUrl();
        if (target.id === "embed-button") {
            var open = embedPanel && embedPanel.hidden;
            if (embedPanel) { embedPanel.hidden = !open; }
            if (embedButton) { embedButton.setAttribute("aria-expanded", open ? "true" : "false"); }
            if (open) { byId("embed-code").focus(); byId("embed-code").select(); }
        } else if (target.id === "close-embed") {
            if (embedPanel) { embedPanel.hidden = true; }
            if (embedButton) { embedButton.setAttribute("aria-expanded", "false"); embedButton.focus(); }
        }
    });
}(window));
