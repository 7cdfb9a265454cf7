/* Northern Border Atlas: the map, drawn once as SVG from the bundle's projected paths (geodata/page/map.json).
   A slider step only sets the fill of the unit paths and shows or hides border edges: no plotting library and
   no callback in between, so a step costs little more than the browser's paint. NBA.map.create(...) returns
   the map object the page glue (assets/atlas.js) drives. */
(function (root) {
    "use strict";
    var NS = "http://www.w3.org/2000/svg";
    var NBA = root.NBA = root.NBA || {};

    function el(tag, attrs, parent) {
        var node = document.createElementNS(NS, tag);
        Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
        if (parent) { parent.appendChild(node); }
        return node;
    }

    function create(container, geo, styles, handlers) {
        /* Draw the map into `container`. handlers: {unit(i), event(i), empty(), hover(i) -> [title, lines...]}. */
        var vb = geo.viewBox, view = vb.slice();
        var svg = el("svg", {viewBox: vb.join(" "), "class": "nba-map", role: "img", preserveAspectRatio: "xMidYMid meet",
            "aria-label": container.getAttribute("aria-label") || "Map"});
        var defs = el("defs", {}, svg);
        styles.forEach(function (st, i) {
            if (!st.hatch) { return; }
            var p = el("pattern", {id: "nba-hatch-" + i, patternUnits: "userSpaceOnUse", width: 9, height: 9,
                patternTransform: "rotate(45)"}, defs);
            el("rect", {width: 9, height: 9, fill: st.color}, p);
            el("line", {x1: 0, y1: 0, x2: 0, y2: 9, stroke: "#444444", "stroke-width": 2.4}, p);
        });
        el("rect", {x: -5000, y: -5000, width: 11000, height: 11000, "class": "sea"}, svg);
        var world = el("g", {"class": "world"}, svg);
        var ctx = el("g", {"class": "context"}, world);
        geo.context.forEach(function (d) { el("path", {d: d, "class": "ctx"}, ctx); });
        var gu = el("g", {"class": "units"}, world);
        var units = geo.unitPaths.map(function (d, i) {
            return el("path", {d: d, "class": "unit", "data-unit": geo.units[i], "data-index": String(i)}, gu);
        });
        var ga = el("g", {"class": "edges-approx"}, world);
        geo.edges.forEach(function (d, i) { if (geo.edgeApprox[i] && d) { el("path", {d: d}, ga); } });
        var gg = el("g", {"class": "ghost"}, world), gb = el("g", {"class": "border"}, world);
        function edgeLayer(g) {
            return geo.edges.map(function (d, i) {
                return el("path", {d: d || "M0 0", "class": geo.edgeApprox[i] ? "approx" : "close", display: "none"}, g);
            });
        }
        var ghost = edgeLayer(gg), border = edgeLayer(gb);
        var selected = el("path", {"class": "selected", d: ""}, world);
        var gl = el("g", {"class": "labels"}, world);
        var measurer = el("text", {visibility: "hidden", style: "font-size:100px"}, gl);
        var ge = el("g", {"class": "events"}, world);
        var measureEvent = el("text", {visibility: "hidden", "class": "measure", style: "font-size:100px;display:inline"}, el("g", {"class": "event"}, world));
        var tip = document.createElement("div");
        tip.className = "map-tip";
        tip.hidden = true;
        container.replaceChildren(svg, tip);

        var shown = {fills: [], border: {}, ghost: {}};

        /* ---- names on the map -------------------------------------------------------------------------- */
        var labelNames = [], labelCallouts = [], labelKey = "", eventList = [], eventChosen = -1, markers = [];
        var labelNodes = {}, leaders = {}, widths = {}, first = svg.getBoundingClientRect();
        var box = {width: first.width, height: first.height};
        /* roomiest regions first: their names are the easiest to place and the most read */
        var order = geo.units.map(function (u, i) { return i; }).sort(function (a, b) { return roomOf(b) - roomOf(a); });
        function roomOf(i) { return geo.labels && geo.labels[i] && geo.labels[i].length ? geo.labels[i][0][2] : 0; }
        function widthOf(node, str) {
            /* Width of a text per px of font size (measured once per string: a name changes with the date only). */
            var key = (node === measurer ? "r" : "e") + str;
            if (!widths[key]) {   /* 0: not laid out yet (a hidden map), measure again next time */
                node.textContent = str;
                widths[key] = node.getComputedTextLength() / 100;
            }
            return widths[key] || 0.6 * String(str).length;
        }
        function measureAll(strings, node) {
            /* Measure many texts with one layout of the page (reading each in turn after a write would lay the
               page out again every time): so a later step never waits for the browser to measure a label. */
            var parent = node.parentNode, nodes = [];
            strings.forEach(function (str) {
                var key = (node === measurer ? "r" : "e") + str;
                if (!str || widths[key]) { return; }
                var t = node.cloneNode(false);
                t.textContent = str;
                parent.appendChild(t);
                nodes.push([key, t]);
            });
            nodes.forEach(function (kt) { widths[kt[0]] = kt[1].getComputedTextLength() / 100; });
            nodes.forEach(function (kt) { kt[1].remove(); });
        }
        function visible() {
            /* The map units in view (the SVG keeps the view's aspect: the view box is centred in the element). */
            var w = box.width, h = box.height, k = Math.min(w / view[2], h / view[3]);
            return {ppu: k, rect: [view[0] - (w / k - view[2]) / 2, view[1] - (h / k - view[3]) / 2, w / k, h / k]};
        }
        function layout() {
            /* Place the names and the event labels again: after the names, the events, the zoom or the size change. */
            if (!geo.labels || !box || !box.width || !M()) { return; }
            var vis = visible(), zoomed = vb[2] / view[2], small = box.width < 560;
            var fontPx = Math.min(16, (small ? 11 : 12.5) * Math.pow(zoomed, 0.3)), eventPx = 11;
            var regions = [];
            order.forEach(function (i) {
                var name = labelNames[i];
                if (!name || !geo.labels[i] || !geo.labels[i].length) { return; }
                var two = M().splitName(name), room = geo.labels[i][0][2] * vis.ppu;
                regions.push({i: i, anchors: geo.labels[i], callout: Boolean(labelCallouts[i]) && room >= 5 && room < 25, overhang: room >= 25,
                    one: widthOf(measurer, name) * fontPx,
                    two: two ? [widthOf(measurer, two[0]) * fontPx, widthOf(measurer, two[1]) * fontPx] : null});
            });
            var wanted = markers.filter(function (m) { return m.ev.label || m.ev.index === eventChosen; }).map(function (m) {
                return {index: m.ev.index, x: m.ev.x, y: m.ev.y,
                    width: widthOf(measureEvent, m.text.textContent) * eventPx * (m.ev.index === eventChosen ? 1.2 : 1)};
            });
            var out = M().labelLayout({ppu: vis.ppu, fontPx: fontPx, eventPx: eventPx, view: vis.rect,
                halfHeights: geo.labelHalfHeights, regions: regions, events: wanted, markerPx: 8,
                markers: markers.map(function (m) { return {x: m.ev.x, y: m.ev.y}; })});
            var groupSize = (fontPx / vis.ppu) + "px";
            if (gl.style.fontSize !== groupSize) { gl.style.fontSize = groupSize; gl.style.strokeWidth = (3 / vis.ppu) + "px"; }
            var seen = {};
            out.regions.forEach(function (p) {
                seen[p.i] = true;
                var node = labelNodes[p.i];
                if (!node) { node = labelNodes[p.i] = el("text", {"data-unit": geo.units[p.i]}, gl); }
                var name = labelNames[p.i], parts = p.lines === 2 ? M().splitName(name) : [name];
                var key = parts.join("\n") + "@" + p.x + "," + p.y;
                if (node.getAttribute("data-key") !== key) {
                    node.setAttribute("data-key", key);
                    node.setAttribute("data-name", name);
                    node.replaceChildren();
                    parts.forEach(function (line, n) {
                        var t = el("tspan", {x: p.x, dy: n === 0 ? (parts.length === 2 ? "-0.6em" : "0") : "1.2em"}, node);
                        t.textContent = line;
                    });
                    node.setAttribute("x", p.x);
                    node.setAttribute("y", p.y);
                }
                var size = p.scale === 1 ? "" : (fontPx * p.scale / vis.ppu) + "px";
                if (node.style.fontSize !== size) { node.style.fontSize = size; }
                if (node.hasAttribute("display")) { node.removeAttribute("display"); }
                var lead = leaders[p.i];
                if (p.from) {
                    if (!lead) { lead = leaders[p.i] = el("path", {"class": "leader"}, gl); }
                    lead.setAttribute("d", "M" + p.from[0] + " " + p.from[1] + "L" + p.to[0] + " " + p.to[1]);
                    lead.removeAttribute("display");
                    node.classList.add("callout");
                } else {
                    if (lead) { lead.setAttribute("display", "none"); }
                    node.classList.remove("callout");
                }
            });
            Object.keys(labelNodes).forEach(function (i) {
                if (!seen[i] && !labelNodes[i].hasAttribute("display")) {
                    labelNodes[i].setAttribute("display", "none");
                    if (leaders[i]) { leaders[i].setAttribute("display", "none"); }
                }
            });
            var placedEv = {};
            out.events.forEach(function (p) { placedEv[p.index] = p; });
            markers.forEach(function (m) {
                /* markers and their labels keep their size on screen whatever the zoom */
                m.g.setAttribute("transform", "translate(" + m.ev.x + " " + m.ev.y + ") scale(" + (1 / vis.ppu) + ")");
                var p = placedEv[m.ev.index];
                m.g.classList.toggle("labelled", Boolean(p));
                m.text.setAttribute("x", p ? p.dx : 0);
                m.text.setAttribute("y", p ? p.dy : -10);
                m.text.style.textAnchor = p ? p.anchor : "middle";   /* a style: the stylesheet's text-anchor beats an attribute */
            });
        }
        function M() { return NBA.model; }
        if (root.ResizeObserver) {
            new root.ResizeObserver(function (entries) {
                var r = entries[entries.length - 1].contentRect;
                if (!box || r.width !== box.width || r.height !== box.height) { box = {width: r.width, height: r.height}; layout(); }
            }).observe(svg);
        }
        function setEdges(paths, want, key) {
            var had = shown[key];
            Object.keys(had).forEach(function (i) { if (!want[i]) { paths[i].setAttribute("display", "none"); } });
            Object.keys(want).forEach(function (i) { if (!had[i]) { paths[i].removeAttribute("display"); } });
            shown[key] = want;
        }

        var map = {
            svg: svg,
            units: units,
            step: function (fills, borderOn, ghostOn) {
                /* Colour the units and show the border of one state; only what differs is touched. */
                for (var i = 0; i < units.length; i++) {
                    if (shown.fills[i] !== fills[i]) { units[i].setAttribute("fill", fills[i]); }
                }
                shown.fills = fills;
                setEdges(border, borderOn, "border");
                setEdges(ghost, ghostOn, "ghost");
            },
            select: function (u) {
                /* Outline one unit (index, or -1 for none). */
                selected.setAttribute("d", u >= 0 ? geo.unitPaths[u] : "");
                units.forEach(function (p, i) { p.classList.toggle("is-selected", i === u); });
            },
            events: function (list, chosen) {
                /* Markers of the events near the date; `chosen` (an event index or -1) drawn as a star. Items with
                   `label` (the events on this date) and the chosen one are named where there is room; every other
                   marker says its name on hover, or while its entry in the events list has the focus. */
                eventList = list;
                eventChosen = chosen;
                var frag = document.createDocumentFragment();
                markers = list.map(function (ev) {
                    var g = el("g", {"class": "event" + (ev.index === chosen ? " chosen" : ""), "data-index": String(ev.index)});
                    el("circle", {"class": "hit", r: 8}, g);   /* a finger-sized target, a few px beyond the mark */
                    if (ev.index === chosen) {
                        el("path", {d: "M0 -11L3 -3.5L11 -3.5L4.5 1.5L7 9.5L0 4.5L-7 9.5L-4.5 1.5L-11 -3.5L-3 -3.5Z"}, g);
                    } else {
                        el("circle", {r: 5}, g);
                    }
                    var label = el("text", {y: -10}, g);
                    label.textContent = ev.index === chosen ? ev.title : ev.place;
                    frag.appendChild(g);
                    return {g: g, text: label, ev: ev};
                });
                ge.replaceChildren(frag);
                layout();
            },
            labels: function (names, callouts) {
                /* The region names to draw (one per unit, the name at the date) and which may have a callout. */
                var key = names.join("|") + "|" + callouts.join("");
                if (key === labelKey) { return; }
                labelKey = key;
                labelNames = names;
                labelCallouts = callouts;
                layout();
            },
            measure: function (names, eventTexts) {
                /* Measure every name and event label the page may show, once, when the page loads. */
                measureAll(names.concat(names.map(function (n) { return M().splitName(n) || []; })
                    .reduce(function (all, two) { return all.concat(two); }, [])), measurer);
                measureAll(eventTexts, measureEvent);
            },
            hint: function (index) {
                /* Name one event's marker (the list entry under the pointer or focus); -1 for none. */
                markers.forEach(function (m) { m.g.classList.toggle("hint", m.ev.index === index); });
            },
            zoom: function (factor) {
                /* Zoom about the centre (factor < 1 zooms in); 0 resets. */
                if (!factor) { view = vb.slice(); } else {
                    var w = Math.min(vb[2], Math.max(vb[2] / 8, view[2] * factor)), h = w * vb[3] / vb[2];
                    view = [view[0] + (view[2] - w) / 2, view[1] + (view[3] - h) / 2, w, h];
                }
                svg.setAttribute("viewBox", view.join(" "));
                layout();
            }
        };

        /* pan by dragging; a short press is a click (region, event marker, or empty map to clear) */
        var drag = null;
        svg.addEventListener("pointerdown", function (e) {
            drag = {x: e.clientX, y: e.clientY, view: view.slice(), moved: false};
        });
        svg.addEventListener("pointermove", function (e) {
            if (drag && (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4)) {
                drag.moved = true;
                var r = svg.getBoundingClientRect(), k = Math.max(view[2] / r.width, view[3] / r.height);
                view = [drag.view[0] - (e.clientX - drag.x) * k, drag.view[1] - (e.clientY - drag.y) * k, view[2], view[3]];
                svg.setAttribute("viewBox", view.join(" "));
                tip.hidden = true;
                return;
            }
            var target = e.target.closest ? e.target.closest("path.unit") : null;
            if (!target || !handlers.hover) { tip.hidden = true; return; }
            var lines = handlers.hover(parseInt(target.getAttribute("data-index"), 10));
            tip.replaceChildren();
            lines.forEach(function (text, n) {
                var line = document.createElement(n === 0 ? "b" : "span");
                line.textContent = text;
                tip.appendChild(line);
            });
            var box = container.getBoundingClientRect();
            tip.style.left = (e.clientX - box.left + 12) + "px";
            tip.style.top = (e.clientY - box.top + 12) + "px";
            tip.hidden = false;
        });
        svg.addEventListener("pointerleave", function () { tip.hidden = true; });
        svg.addEventListener("pointerup", function (e) {
            var was = drag;
            drag = null;
            if (was && was.moved) { layout(); }
            if (!was || was.moved) { return; }
            var hit = e.target.closest ? e.target.closest("g.event, path.unit") : null;
            if (hit && hit.tagName === "g") { handlers.event(parseInt(hit.getAttribute("data-index"), 10)); } else if (hit) {
                handlers.unit(parseInt(hit.getAttribute("data-index"), 10));
            } else { handlers.empty(); }
        });
        return map;
    }

    NBA.map = {create: create};   /* the PNG download is assets/nba_png.js */
}(window));
