/* Northern Border Atlas: the map as a PNG a class can use on its own, drawn in the browser (no server, works in
   the static export too): a title, the date and the border mode in the page's language, the map as it is now
   (zoom, selection, event markers), the legend as the page shows it, and an attribution line.
   NBA.png.download() is called by the "Map as PNG" button (assets/classroom.js); its texts come from the
   button's data-* attributes (dashboard/downloads.py) and the page (#date-text, #legend). */
(function (root) {
    "use strict";
    var NBA = root.NBA = root.NBA || {};
    var W = 1600, PAD = 24, ROW = 36, SWATCH = [34, 22];
    var INK = "#1d232a", MUTED = "#55606b", FONT = "system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";
    /* how each line key of the legend is drawn (the CSS of .line-key in assets/atlas.css, at PNG scale) */
    var LINES = {
        "border": {color: "#000000", width: 3.5, dash: []},
        "border-approx": {color: "#000000", width: 3.5, dash: [3, 5]},
        "ghost": {color: "rgba(107, 107, 107, 0.6)", width: 4, dash: [10, 6]},
        "approx": {color: "#777777", width: 2.5, dash: [2, 4]}
    };

    function legendItems(list) {
        /* The page's legend as [{label, color, hatch} | {label, line}], in its order. */
        return Array.prototype.map.call(list ? list.querySelectorAll("li") : [], function (li) {
            var swatch = li.querySelector(".swatch"), key = li.querySelector(".line-key"), label = li.textContent.trim();
            if (swatch) {
                return {label: label, color: root.getComputedStyle(swatch).backgroundColor, hatch: swatch.classList.contains("hatched")};
            }
            var cls = key ? Object.keys(LINES).filter(function (c) { return key.classList.contains(c); }).pop() : null;
            return {label: label, line: cls || "border"};
        }).filter(function (item) { return item.label; });
    }

    function wrap(c, text, width) {
        /* Lines of a text that fit a width (at spaces; CJK text, which has none, at any character). */
        var words = /\s/.test(text) ? text.split(/(\s+)/) : Array.from(text), lines = [], line = "";
        words.forEach(function (w) {
            var next = line + w;
            if (line && c.measureText(next).width > width) { lines.push(line.trim()); line = w.trimStart(); } else { line = next; }
        });
        if (line.trim()) { lines.push(line.trim()); }
        return lines;
    }

    function fitFont(c, text, width, size, weight) {
        /* The largest font (down to 60% of size) at which a one-line text fits. */
        var px = size;
        do {
            c.font = (weight || "") + " " + px + "px " + FONT;
            if (c.measureText(text).width <= width) { break; }
            px -= 1;
        } while (px > size * 0.6);
        return px;
    }

    function drawKey(c, item, x, y) {
        /* One legend key: a colour swatch (hatched like the map where the page hatches it) or a line. */
        var w = SWATCH[0], h = SWATCH[1], top = y - h / 2;
        if (item.line) {
            var st = LINES[item.line];
            c.save();
            c.strokeStyle = st.color;
            c.lineWidth = st.width;
            c.setLineDash(st.dash);
            c.beginPath();
            c.moveTo(x, y);
            c.lineTo(x + w + 6, y);
            c.stroke();
            c.restore();
            return;
        }
        c.fillStyle = item.color;
        c.fillRect(x, top, w, h);
        if (item.hatch) {
            c.save();
            c.beginPath();
            c.rect(x, top, w, h);
            c.clip();
            c.strokeStyle = "rgba(40, 40, 40, 0.75)";
            c.lineWidth = 2;
            for (var k = -h; k < w; k += 7) { c.beginPath(); c.moveTo(x + k, top + h); c.lineTo(x + k + h, top); c.stroke(); }
            c.restore();
        }
        c.strokeStyle = "#555555";
        c.lineWidth = 1;
        c.strokeRect(x + 0.5, top + 0.5, w - 1, h - 1);
    }

    function svgImage(svg, w, h) {
        /* The live SVG map, with the page's .nba-map rules inlined, as an image of w x h pixels. */
        var clone = svg.cloneNode(true), css = "";
        clone.setAttribute("width", w);
        clone.setAttribute("height", h);
        clone.style.fontFamily = root.getComputedStyle(svg).fontFamily;   /* the labels in the page's font */
        Array.prototype.forEach.call(document.styleSheets, function (sheet) {
            try {
                Array.prototype.forEach.call(sheet.cssRules, function (r) { if (r.cssText.indexOf(".nba-map") >= 0) { css += r.cssText; } });
            } catch (err) { /* a sheet we may not read */ }
        });
        var style = document.createElementNS("http://www.w3.org/2000/svg", "style");
        style.textContent = css;
        clone.insertBefore(style, clone.firstChild);
        return new Promise(function (resolve, reject) {
            var img = new Image();
            img.onload = function () { resolve(img); };
            img.onerror = reject;
            img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(clone));
        });
    }

    function render(opts) {
        /* Draw the PNG's canvas. opts: {svg, title, date, mode, legend: legendItems(...), attribution}.
           Resolves to {canvas, layout}: layout gives the map and legend boxes (tests read the pixels there). */
        var vb = opts.svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
        var mapH = Math.round(W * vb[3] / vb[2]), cols = 2, colW = (W - 2 * PAD) / cols;
        var canvas = document.createElement("canvas"), c = canvas.getContext("2d");
        c.font = "18px " + FONT;
        var credit = wrap(c, opts.attribution || "", W - 2 * PAD);
        var head = 104, rows = Math.ceil(opts.legend.length / cols);
        var legendTop = head + mapH + 16, legendH = rows * ROW;
        canvas.width = W;
        canvas.height = legendTop + legendH + 14 + credit.length * 24 + PAD;
        return svgImage(opts.svg, W, mapH).then(function (img) {
            c.fillStyle = "#ffffff";
            c.fillRect(0, 0, canvas.width, canvas.height);
            c.textBaseline = "alphabetic";
            c.fillStyle = INK;
            fitFont(c, opts.title, W - 2 * PAD, 34, "bold");
            c.fillText(opts.title, PAD, 44);
            var sub = opts.mode ? opts.date + "  ·  " + opts.mode : opts.date;
            fitFont(c, sub, W - 2 * PAD, 26);
            c.fillText(sub, PAD, 86);
            c.drawImage(img, 0, head, W, mapH);
            c.strokeStyle = "#8a949e";
            c.lineWidth = 1;
            c.strokeRect(0.5, head + 0.5, W - 1, mapH - 1);
            var keys = [];
            opts.legend.forEach(function (item, i) {
                var x = PAD + (i % cols) * colW, y = legendTop + Math.floor(i / cols) * ROW + ROW / 2;
                drawKey(c, item, x, y);
                keys.push({x: x, y: y, w: SWATCH[0], h: SWATCH[1], color: item.color || null, line: item.line || null});
                c.fillStyle = INK;
                c.textBaseline = "middle";
                fitFont(c, item.label, colW - SWATCH[0] - 26, 20);
                c.fillText(item.label, x + SWATCH[0] + 14, y + 1);
            });
            c.textBaseline = "alphabetic";
            c.fillStyle = MUTED;
            c.font = "18px " + FONT;
            credit.forEach(function (line, i) { c.fillText(line, PAD, legendTop + legendH + 32 + i * 24); });
            return {canvas: canvas, layout: {width: W, height: canvas.height, map: [0, head, W, mapH],
                legend: [0, legendTop, W, legendH], keys: keys}};
        });
    }

    function fromPage() {
        /* What the PNG shows, read from the page as it is now. */
        var button = document.getElementById("download-png") || {getAttribute: function () { return ""; }};
        var mode = NBA.page && NBA.page.mode === "claim" ? "claim" : "control";
        return {
            svg: document.querySelector("#map svg.nba-map"),
            title: button.getAttribute("data-title") || document.title,
            date: ((document.getElementById("date-text") || {}).textContent || "").trim(),
            mode: button.getAttribute("data-mode-" + mode) || "",
            legend: legendItems(document.getElementById("legend")),
            attribution: button.getAttribute("data-attribution") || ""
        };
    }

    function download(filename) {
        /* Save the map as it is now as <filename>.png; resolves to the layout (NBA.png.last too, for tests). */
        var opts = fromPage();
        if (!opts.svg) { return Promise.resolve(null); }
        return render(opts).then(function (out) {
            var a = document.createElement("a");
            a.download = filename + ".png";
            a.href = out.canvas.toDataURL("image/png");
            document.body.appendChild(a);
            a.click();
            a.remove();
            NBA.png.last = out.layout;
            return out.layout;
        });
    }

    NBA.png = {download: download, render: render, fromPage: fromPage, legendItems: legendItems, last: null};
}(window));
