/* Northern Border Atlas: still maps for the classroom (the worksheet, the animation frames, the pack's PNG maps).
   Each map is the page's own drawing (NBA.map) of one state, coloured by the page's model (NBA.model); the page
   around it (titles, legend, questions) is written by dashboard/lessons.py. Config: the JSON in #sheet-config. */
(function (root) {
    "use strict";
    var NBA = root.NBA = root.NBA || {};
    var M = NBA.model;

    function bundle(cfg, name) {
        /* A bundle file: given by a <script> on a page opened from disk (NBA.preloaded), else fetched. */
        var pre = NBA.preloaded && NBA.preloaded[name];
        if (pre) { return Promise.resolve(pre); }
        return fetch(M.assetUrl(cfg.bundle, name), {credentials: "same-origin"}).then(function (r) {
            if (!r.ok) { throw new Error(name + ": HTTP " + r.status); }
            return r.json();
        });
    }

    function load(cfg) {
        return Promise.all([bundle(cfg, "timeline.json"), bundle(cfg, "map.json"), bundle(cfg, "text-" + cfg.lang + ".json")]);
    }

    var QUIET = {unit: function () {}, event: function () {}, empty: function () {}};

    function paint(map, tl, styles, k) {
        map.step(M.unitFills(tl, styles, k), M.borderSet(tl, k, "control"), M.ghostSet(tl, k, "control"));
    }

    function stateOf(tl, iso) { return tl.stopState[M.stopOf(tl, iso)]; }

    function worksheet(cfg) {
        /* Draw every [data-map-date] box as the map of its date. */
        return load(cfg).then(function (files) {
            var tl = files[0];
            document.querySelectorAll("[data-map-date]").forEach(function (box) {
                var map = NBA.map.create(box, files[1], cfg.styles, QUIET);
                paint(map, tl, cfg.styles, stateOf(tl, box.getAttribute("data-map-date")));
                box.setAttribute("data-state", String(stateOf(tl, box.getAttribute("data-map-date"))));
            });
            document.body.setAttribute("data-ready", "1");
        });
    }

    function frames(cfg) {
        /* One map; NBA.sheet.show(n, frame) brings it to a frame {iso, precision, title, change, caption}: the map
           of the state on iso, the date in words, and what changed then (change) or a caption of its own. */
        return load(cfg).then(function (files) {
            var tl = files[0], text = files[2], map = NBA.map.create(document.getElementById("frame-map"), files[1], cfg.styles, QUIET);
            NBA.sheet.show = function (n, frame) {
                var stop = M.stopOf(tl, frame.iso), k = tl.stopState[stop];
                paint(map, tl, cfg.styles, k);
                document.getElementById("frame-date").textContent = M.words(frame.iso, frame.precision, cfg.ui);
                document.getElementById("frame-title").textContent = frame.title || "";
                document.getElementById("frame-change").textContent = frame.caption ||
                    (frame.change ? M.changeText(tl, text, cfg.ui, stop) : "");
                document.body.setAttribute("data-frame", String(n));
                return k;
            };
            document.body.setAttribute("data-ready", "1");
        });
    }

    NBA.sheet = {worksheet: worksheet, frames: frames, stateOf: stateOf};

    var print = document.getElementById("print-sheet");
    if (print) { print.addEventListener("click", function () { root.print(); }); }
    var node = document.getElementById("sheet-config");
    if (node) {
        var cfg = JSON.parse(node.textContent);
        (cfg.kind === "frames" ? frames : worksheet)(cfg).catch(function (err) {
            document.body.setAttribute("data-error", String(err));
        });
    } else { document.body.setAttribute("data-ready", "1"); }   // the answer key: no maps to draw
}(window));
