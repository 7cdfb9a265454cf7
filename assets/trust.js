/* Northern Border Atlas: the view switch (Map / Reading the source / Sources), claims that move the map,
   and the "How each side sees it" panel. Content is rendered by the server (dashboard/trust.py); this
   script only shows and hides it, so the slider path is untouched. */
(function () {
    "use strict";
    var VIEWS = ["map", "reading", "sources"];
    var opener = null;  /* the button that opened the perspectives panel, to return focus to */

    function byId(id) { return document.getElementById(id); }
    function setProps(id, props) {
        if (window.dash_clientside && window.dash_clientside.set_props) { window.dash_clientside.set_props(id, props); }
    }

    function waitFor(test, then, limit) {
        /* Run `then` once `test()` returns something (content arriving from the server), or give up. */
        var until = Date.now() + (limit || 15000);
        (function attempt() {
            var found = test();
            if (found) { then(found); } else if (Date.now() < until) { setTimeout(attempt, 40); }
        }());
    }

    function setHash(hash) {
        /* Keep the address shareable without a hashchange (dcc.Location would otherwise see it). */
        if (window.history && window.history.replaceState) {
            var plain = window.location.pathname + window.location.search;
            window.history.replaceState(window.history.state, "", hash || plain);
        }
    }

    var loads = {};
    function load(holderId, bodyId) {
        /* Fetch a part's HTML once (dashboard/trust.py renders it; no script in it) into its empty body. */
        if (loads[bodyId]) { return loads[bodyId]; }
        var holder = byId(holderId), body = byId(bodyId);
        if (!holder || !body) { return Promise.resolve(null); }
        if (body.getAttribute("data-loaded")) { return Promise.resolve(body); }   /* the static export holds it */
        var lang = holder.getAttribute("data-lang") || "en";
        var url = holder.getAttribute("data-src") + "?lang=" + encodeURIComponent(lang);
        holder.setAttribute("aria-busy", "true");
        loads[bodyId] = fetch(url, {credentials: "same-origin"}).then(function (r) {
            if (!r.ok) { throw new Error(String(r.status)); }
            return r.text();
        }).then(function (text) {
            body.innerHTML = text;
            holder.removeAttribute("aria-busy");
            return body;
        }, function () {
            delete loads[bodyId];   /* let the next opening try again */
            holder.removeAttribute("aria-busy");
            body.textContent = holder.getAttribute("data-error") || "Error";
            return null;
        });
        return loads[bodyId];
    }

    function requestContent(view) {
        return load(view + "-view", view + "-body");
    }

    function showView(view, focusPanel) {
        if (VIEWS.indexOf(view) < 0) { return; }
        VIEWS.forEach(function (v) {
            var panel = byId(v + "-view"), tab = byId("tab-" + v), on = v === view;
            if (panel) { panel.hidden = !on; }
            if (tab) {
                tab.setAttribute("aria-selected", on ? "true" : "false");
                tab.tabIndex = on ? 0 : -1;
            }
        });
        if (view === "map") {
            /* Plotly skips resizing a hidden graph: catch up with the window now. */
            var plots = document.querySelectorAll("#map-view .js-plotly-plot");
            Array.prototype.forEach.call(plots, function (gd) {
                if (window.Plotly && gd._fullLayout) { window.Plotly.Plots.resize(gd); }
            });
        } else {
            requestContent(view);
        }
        if (focusPanel) { var p = byId(view + "-view"); if (p) { p.focus({preventScroll: true}); } }
        window.scrollTo(0, 0);
    }

    function flash(node) {
        node.classList.add("flash");
        setTimeout(function () { node.classList.remove("flash"); }, 1600);
    }

    function showClaim(id) {
        showView("reading");
        waitFor(function () { return byId("claim-" + id); }, function (node) {
            node.scrollIntoView({block: "center"});
            node.focus({preventScroll: true});
            flash(node);
        });
    }

    function showSourcesTopic(id) {
        showView("sources");
        waitFor(function () { return byId(id); }, function (node) { node.scrollIntoView({block: "start"}); });
    }

    function moveToMoment(panel, moment) {
        /* Opened from a link rather than from its event: show the event's date and place on the map too. */
        var data = (window.NBA && window.NBA.page && window.NBA.page.data), events = {};
        try { events = JSON.parse(panel.getAttribute("data-events") || "{}"); } catch (err) { return; }
        var id = Object.keys(events).filter(function (k) { return events[k] === moment; })[0];
        var ev = data && id ? data.events.filter(function (e) { return e.id === id; })[0] : null;
        if (ev && ev.stop >= 0) {
            setProps("selected-event", {data: ev.id});
            setProps("year-slider", {value: ev.stop});
        }
    }

    function openMoment(moment, from) {
        var panel = byId("perspectives-panel");
        if (!panel || !/^[a-z0-9_]+$/.test(moment || "")) { return false; }
        showView("map");
        if (!from) { moveToMoment(panel, moment); }
        opener = from || null;
        load("perspectives-panel", "perspectives-body").then(function (body) {
            var article = byId("perspectives-" + moment);
            if (!body || !article) { return; }
            Array.prototype.forEach.call(body.querySelectorAll("article.moment"), function (a) {
                a.hidden = a !== article;
            });
            panel.hidden = false;
            document.querySelectorAll("button.perspectives-open").forEach(function (b) {
                b.setAttribute("aria-expanded", b.getAttribute("data-moment") === moment ? "true" : "false");
            });
            panel.scrollIntoView({block: "start"});
            var title = article.querySelector(".moment-title");
            (title || panel).focus({preventScroll: true});
        });
        return true;
    }

    function closeMoments() {
        var panel = byId("perspectives-panel");
        if (panel) { panel.hidden = true; }
        document.querySelectorAll("button.perspectives-open").forEach(function (b) {
            b.setAttribute("aria-expanded", "false");
        });
        if (opener && document.body.contains(opener)) { opener.focus(); }
        opener = null;
    }

    function followClaim(btn) {
        /* A dated claim: back to the map at the claim's date (its own stop, or the last stop before it). */
        var stop = parseInt(btn.getAttribute("data-stop"), 10);
        if (!isFinite(stop)) { return; }
        var claim = btn.closest("article.claim");
        var quote = claim ? claim.querySelector("blockquote") : null;
        var note = byId("claim-return");
        if (note) {
            byId("claim-return-quote").textContent = quote ? quote.textContent.trim() : "";
            byId("claim-return-note").textContent = btn.getAttribute("data-note") || "";
            byId("claim-return-back").setAttribute("href", "#claim-" + btn.getAttribute("data-claim"));
            note.hidden = false;
        }
        showView("map");
        setHash("");
        setProps("year-slider", {value: stop});
        if (note) { note.focus({preventScroll: true}); }
    }

    var eventMoments = null;
    function eventExtra(eventId) {
        /* Called by atlas.js for each event it lists: a "How each side sees it" button for contested moments. */
        var panel = byId("perspectives-panel");
        if (!panel || !eventId) { return null; }
        if (eventMoments === null) {
            try {
                eventMoments = JSON.parse(panel.getAttribute("data-events") || "{}");
            } catch (err) { eventMoments = {}; }
        }
        var moment = Object.prototype.hasOwnProperty.call(eventMoments, eventId) ? eventMoments[eventId] : null;
        if (!moment) { return null; }
        var article = byId("perspectives-" + moment);
        var btn = document.createElement("button");
        btn.type = "button";
        btn.className = "btn small perspectives-open";
        btn.setAttribute("data-moment", moment);
        btn.setAttribute("aria-controls", "perspectives-panel");
        btn.setAttribute("aria-expanded", !panel.hidden && article && !article.hidden ? "true" : "false");
        btn.textContent = panel.getAttribute("data-open-label") || "How each side sees it";
        return btn;
    }

    function route(hash) {
        /* Open what an in-page address names: a view, a claim, a moment or a topic of the sources page. */
        var m;
        if (!hash || hash === "#") { return false; }
        if (hash === "#reading-view" || hash === "#sources-view" || hash === "#map-view") {
            showView(hash.slice(1, -5), true);
        } else if ((m = /^#claim-([a-z0-9_]+)$/.exec(hash))) {
            showClaim(m[1]);
        } else if ((m = /^#perspectives-([a-z0-9_]+)$/.exec(hash))) {
            return openMoment(m[1], null);
        } else if (/^#sources-[a-z_]+$/.test(hash)) {
            showSourcesTopic(hash.slice(1));
        } else {
            return false;
        }
        return true;
    }

    document.addEventListener("click", function (e) {
        var target = e.target;
        if (!target.closest) { return; }
        var tab = target.closest(".view-tab");
        if (tab) {
            var view = tab.getAttribute("data-view");
            showView(view);
            setHash(view === "map" ? "" : "#" + view + "-view");
            return;
        }
        var mapBtn = target.closest("button.claim-map");
        if (mapBtn) { followClaim(mapBtn); return; }
        var open = target.closest("button.perspectives-open");
        if (open) { openMoment(open.getAttribute("data-moment"), open); return; }
        if (target.closest("#perspectives-close")) { closeMoments(); return; }
        if (target.closest("#claim-return-close")) { byId("claim-return").hidden = true; return; }
        var link = target.closest("a[href^='#']");
        if (link && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
            var hash = link.getAttribute("href");
            if (route(hash)) {
                e.preventDefault();
                if (link.id === "claim-return-back") { byId("claim-return").hidden = true; }
                setHash(/^#perspectives-/.test(hash) ? "" : hash);
            }
        }
    });

    document.addEventListener("keydown", function (e) {
        /* Tabs as in the WAI-ARIA pattern: arrows, Home and End move between them. */
        var tab = e.target.closest ? e.target.closest(".view-tab") : null;
        if (!tab) { return; }
        var i = VIEWS.indexOf(tab.getAttribute("data-view")), next = null;
        if (e.key === "ArrowRight") { next = (i + 1) % VIEWS.length; }
        if (e.key === "ArrowLeft") { next = (i + VIEWS.length - 1) % VIEWS.length; }
        if (e.key === "Home") { next = 0; }
        if (e.key === "End") { next = VIEWS.length - 1; }
        if (next === null) { return; }
        e.preventDefault();
        showView(VIEWS[next]);
        byId("tab-" + VIEWS[next]).focus();
    });

    /* Opening an address with #reading-view, #claim-…, #sources-… or #perspectives-…: wait for the page. */
    if (window.location.hash) {
        var first = window.location.hash;
        waitFor(function () { return byId("map-view") && byId("perspectives-panel") && (window.NBA && window.NBA.page && window.NBA.page.data); },
            function () { route(first); });
    }

    window.NBA = window.NBA || {};
    window.NBA.trust = {eventExtra: eventExtra, showView: showView, openMoment: openMoment};
}());
