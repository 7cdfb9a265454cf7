/* Every page script loads in a bare window and adds nothing to it but the NBA namespace (and Dash's own
   dash_clientside, where Dash looks for clientside callbacks). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ASSETS = path.join(__dirname, "..", "..", "assets");

test("the page scripts define only window.NBA and dash_clientside", () => {
    const noop = () => {};
    const document = {addEventListener: noop, getElementById: () => null, querySelector: () => null,
        querySelectorAll: () => [], documentElement: {}};
    const win = {document, location: {search: "", hash: "", pathname: "/"}, addEventListener: noop,
        matchMedia: () => ({addEventListener: noop}), setTimeout, clearTimeout, console};
    win.window = win;
    const context = vm.createContext(win);
    const before = new Set(Object.keys(context));
    const scripts = fs.readdirSync(ASSETS).filter((f) => f.endsWith(".js")).sort();
    assert.ok(scripts.includes("nba_model.js") && scripts.includes("atlas.js"));
    for (const name of scripts) {
        vm.runInContext(fs.readFileSync(path.join(ASSETS, name), "utf8"), context, {filename: name});
    }
    const added = Object.keys(context).filter((k) => !before.has(k)).sort();
    assert.deepEqual(added, ["NBA", "dash_clientside"]);
    assert.deepEqual(Object.keys(context.NBA).sort(), ["atlas", "map", "model", "page", "png", "trust"]);
});
