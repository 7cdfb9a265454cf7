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
        var ge = el("g", {"class": "events"}, world);
        var tip = document.createElement("div");
        tip.className = "map-tip";
        tip.hidden = true;
        container.replaceChildren(svg, tip);

        var shown = {fills: [], border: {}, ghost: {}};
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
                /* Markers of the events near the date; `chosen` (an event index or -1) drawn as a star. */
                var frag = document.createDocumentFragment();
                list.forEach(function (ev) {
                    var g = el("g", {"class": "event" + (ev.index === chosen ? " chosen" : ""), "data-index": String(ev.index),
                        transform: "translate(" + ev.x + " " + ev.y + ")"});
                    if (ev.index === chosen) {
                        el("path", {d: "M0 -11L3 -3.5L11 -3.5L4.5 1.5L7 9.5L0 4.5L-7 9.5L-4.5 1.5L-11 -3.5L-3 -3.5Z"}, g);
                    } else {
                        el("circle", {r: 5}, g);
                    }
                    var label = el("text", {y: ev.index === chosen ? 24 : -9}, g);
                    label.textContent = ev.index === chosen ? ev.title : ev.place;
                    frag.appendChild(g);
                });
                ge.replaceChildren(frag);
            },
            zoom: function (factor) {
                /* Zoom about the centre (factor < 1 zooms in); 0 resets. */
                if (!factor) { view = vb.slice(); } else {
                    var w = Math.min(vb[2], Math.max(vb[2] / 8, view[2] * factor)), h = w * vb[3] / vb[2];
                    view = [view[0] + (view[2] - w) / 2, view[1] + (view[3] - h) / 2, w, h];
                }
                svg.setAttribute("viewBox", view.join(" "));
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
