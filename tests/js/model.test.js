/* Unit tests of the page model (assets/nba_model.js) on a small synthetic bundle: run by `node --test tests/js/`
   (tests/test_js.py runs it inside the pytest suite). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const M = require("../../assets/nba_model.js");

/* Two units, three states: 1700 a changes, 1700-06-01 b changes, 1800 both. */
const TL = {
    units: ["a", "b"],
    stops: ["1689-01-01", "1700-01-01", "1700-06-01", "1701-01-01", "1800-01-01"],
    stopState: [0, 1, 2, 2, 3],
    changeStops: [1, 2, 4],
    states: [
        {date: "1689-01-01", s: [0, 0], c: [[], []], b: {control: [0], claim: [0, 1]}, ghost: {control: -1, claim: -1}, changes: []},
        {date: "1700-01-01", s: [1, 0], c: [[0], []], b: {control: [1], claim: [0, 1]}, ghost: {control: 0, claim: -1}, changes: [[0, 0, 1]]},
        {date: "1700-06-01", s: [1, 2], c: [[0], []], b: {control: [1], claim: [0, 1]}, ghost: {control: 0, claim: -1}, changes: [[1, 0, 2]]},
        {date: "1800-01-01", s: [-1, 2], c: [[], []], b: {control: [], claim: []}, ghost: {control: 2, claim: 2}, changes: [[0, 1, -1]]}
    ],
    events: [{date: "1689-09-06"}, {date: "1700-01-01"}, {date: "1700-06-01"}, {date: "1701-05-01"}, {date: "1750-01-01"},
        {date: "1790-01-01"}, {date: "1799-01-01"}]
};
const TEXT = {units: ["Alpha", "Beta"], statuses: ["held", "lost", "hatched"], claimants: ["Qing"]};
const STYLES = [{color: "#111111", hatch: false}, {color: "#222222", hatch: false}, {color: "#333333", hatch: true}];
/* CLDR data as the page config carries it (geodata.cldr.browser_formats); tests/test_cldr.py checks the real one. */
const MONTHS_MN = ["1-р сар", "2-р сар", "3-р сар", "4-р сар", "5-р сар", "6-р сар", "7-р сар", "8-р сар", "9-р сар",
    "10-р сар", "11-р сар", "12-р сар"];
const ZH = {cldr: {dates: {day: "y年M月d日", month: "y年M月", year: "y年"}, months: {MMM: [], MMMM: []}, group: ",",
    decimal: ".", grouping: [3, 3]}};
const MN = {cldr: {dates: {day: "y 'оны' MMM'ын' d", month: "y 'оны' MMM", year: "y"},
    months: {MMM: MONTHS_MN, MMMM: []}, group: ",", decimal: ".", grouping: [3, 3]}};
const INDIAN = {cldr: {dates: {day: "dd/MM/yy", month: "MM/y", year: "yyyy"}, months: {MMM: [], MMMM: []}, group: ",",
    decimal: ".", grouping: [3, 2]}};

test("dates in words follow the language's templates and precision", () => {
    assert.equal(M.words("1689-09-06"), "6 September 1689");
    assert.equal(M.words("1691-05-01", "month"), "May 1691");
    assert.equal(M.words("1757-01-01", "year"), "1757");
    assert.equal(M.words("1911-12-01", "day", ZH), "1911年12月1日");
    assert.equal(M.words("1911-12-01", "month", ZH), "1911年12月");
    assert.equal(M.words("1911-12-29", "day", MN), "1911 оны 12-р сарын 29");
    assert.equal(M.words("1921-03-01", "month", MN), "1921 оны 3-р сар");
    assert.equal(M.words("1689-01-01", "year", MN), "1689");
    assert.equal(M.words("1905-03-04", "day", INDIAN), "04/03/05");
    assert.equal(M.words("905-03-04", "year", INDIAN), "0905");
});

test("CLDR patterns: quoted literals, a doubled quote, unknown fields left as they are", () => {
    const c = MN.cldr;
    assert.equal(M.cldrDate("y 'оны' MMM'ын' d", 1945, 10, 20, c), "1945 оны 10-р сарын 20");
    assert.equal(M.cldrDate("d 'o''clock' ''y''", 1945, 10, 20, c), "20 o'clock '1945'");
    assert.equal(M.cldrDate("EEEE, d", 1945, 10, 20, c), "EEEE, 20");
});

test("numbers are grouped as CLDR says, rounded", () => {
    assert.equal(M.number(1564116.4), "1,564,116");
    assert.equal(M.number(999), "999");
    assert.equal(M.number(-12345), "-12,345");
    assert.equal(M.number(123456789, INDIAN), "12,34,56,789");
    assert.equal(M.number(1000, {cldr: Object.assign({}, ZH.cldr, {group: " "})}), "1 000");
});

test("a stop maps to the last stop on or before a date, clamped to the slider", () => {
    assert.equal(M.stopOf(TL, "1700-03-01"), 1);
    assert.equal(M.stopOf(TL, "1600-01-01"), 0);
    assert.equal(M.stopOf(TL, "2000-01-01"), 4);
    assert.equal(M.clampStop(TL, 99), 4);
    assert.equal(M.clampStop(TL, -3), 0);
    assert.equal(M.clampStop(TL, "2"), 2);
});

test("units are coloured by status, hatched statuses by their pattern, no data in grey", () => {
    assert.deepEqual(M.unitFills(TL, STYLES, 1), ["#222222", "#111111"]);
    assert.deepEqual(M.unitFills(TL, STYLES, 2), ["#222222", "url(#nba-hatch-2)"]);
    assert.deepEqual(M.unitFills(TL, STYLES, 3), ["#999999", "url(#nba-hatch-2)"]);
});

test("the border and the previous border depend on the mode", () => {
    assert.deepEqual(M.borderSet(TL, 1, "control"), {1: true});
    assert.deepEqual(M.borderSet(TL, 1, "claim"), {0: true, 1: true});
    assert.deepEqual(M.ghostSet(TL, 1, "control"), {0: true});
    assert.deepEqual(M.ghostSet(TL, 1, "claim"), {});
});

test("what changed is said on the change date, counted within its year", () => {
    assert.equal(M.changeText(TL, TEXT, null, 0), "The map shows the status at the start of the atlas.");
    assert.equal(M.changeText(TL, TEXT, null, 1), "Changed on this date (change 1 of 2 in 1700): Alpha: lost.");
    assert.equal(M.changeText(TL, TEXT, null, 2), "Changed on this date (change 2 of 2 in 1700): Beta: hatched.");
    assert.equal(M.changeText(TL, TEXT, null, 3), "Last change: 1 June 1700.");
    assert.equal(M.changeText(TL, TEXT, null, 4), "Changed on this date: Alpha: no data.");
});

test("the events near a date: the last three on or before it and the next three", () => {
    assert.deepEqual(M.visibleEvents(TL, 0), [0, 1, 2]);
    assert.deepEqual(M.visibleEvents(TL, 3), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(M.visibleEvents(TL, 4), [4, 5, 6]);
});

test("status lines name the claimants; since goes back to the start of the run", () => {
    assert.equal(M.statusLine(TL, TEXT, null, 1, 0), "lost; claimed by Qing");
    assert.equal(M.statusLine(TL, TEXT, null, 3, 0), "No data");
    assert.equal(M.sinceState(TL, 2, 0), 1);
    assert.equal(M.sinceState(TL, 2, 1), 2);
});

test("previous and next change skip to the stops where the map changes", () => {
    assert.equal(M.nextChange(TL, 0, 1), 1);
    assert.equal(M.nextChange(TL, 2, 1), 4);
    assert.equal(M.nextChange(TL, 4, 1), null);
    assert.equal(M.nextChange(TL, 3, -1), 2);
    assert.equal(M.nextChange(TL, 1, -1), null);
});

test("the address of a view: year or date, region, mode, and the language, embed and tour kept", () => {
    assert.equal(M.viewQuery(TL, {stop: 1, mode: "control", unit: null, lang: "en"}, ""), "?year=1700");
    assert.equal(M.viewQuery(TL, {stop: 2, mode: "claim", unit: "a", lang: "zh"}, "?embed=1&tour=1700-01-01"),
        "?date=1700-06-01&region=a&mode=claim&lang=zh&embed=1&tour=1700-01-01");
    assert.equal(M.viewQuery(TL, {stop: 1, mode: "control", unit: null, lang: "en"}, "?lang=en"), "?year=1700&lang=en");
    assert.equal(M.withParam("?year=1700&lang=en", "lang", "mn"), "?year=1700&lang=mn");
});

test("URLs are built under the app's path prefix", () => {
    assert.equal(M.assetUrl("/atlas/", "page-data/map.json"), "/atlas/page-data/map.json");
    assert.equal(M.assetUrl("/atlas", "/page-data/map.json"), "/atlas/page-data/map.json");
    assert.equal(M.assetUrl("", "data/map.js"), "data/map.js");
});

test("the date as contemporaries wrote it comes from the bundle's dates, else nothing", () => {
    const text = {dates: {"1911-12-29": "宣统三年十一月初十日"}};
    assert.equal(M.contemporary(text, "1911-12-29"), "宣统三年十一月初十日");
    assert.equal(M.contemporary(text, "1911-12-30"), "");
    assert.equal(M.contemporary(text, "constructor"), "");     // only the bundle's own keys
    assert.equal(M.contemporary({}, "1911-12-29"), "");
    assert.equal(M.contemporary(null, "1911-12-29"), "");
});

test("the address keeps predict mode with the tour", () => {
    assert.equal(M.viewQuery(TL, {stop: 1, mode: "control", unit: null, lang: "en"}, "?tour=1&predict=1"),
        "?year=1700&tour=1&predict=1");
    assert.equal(M.viewQuery(TL, {stop: 1, mode: "control", unit: null, lang: "en"}, "?tour=1&predict=0"), "?year=1700&tour=1");
});

test("the borders of a day come from the file of every unit and span", () => {
    const f = (unit, start, end) => ({type: "Feature", properties: {unit, start, end}, geometry: null});
    const all = {attribution: "NE", features: [f("a", "1689-01-01", "1700-01-01"), f("a", "1700-01-01", "2009-01-01"),
        f("b", "1689-01-01", "1750-01-01"), f("b", "1750-01-01", "2009-01-01")]};
    const mid = M.bordersAt(all, "1720-05-05");
    assert.deepEqual(mid.features.map((x) => x.properties.unit + x.properties.start), ["a1700-01-01", "b1689-01-01"]);
    assert.deepEqual(mid.period, {start: "1700-01-01", end: "1750-01-01"});
    assert.equal(mid.name, "northern-border-atlas-borders-1700-01-01");
    assert.deepEqual(M.bordersAt(all, "1700-01-01").period, {start: "1700-01-01", end: "1750-01-01"});
    assert.deepEqual(M.bordersAt(all, "1699-12-31").period, {start: "1689-01-01", end: "1700-01-01"});
    assert.deepEqual(M.bordersAt(all, "2008-12-31").period, {start: "1750-01-01", end: ""});
    assert.equal(M.bordersAt(all, "2008-12-31").attribution, "NE");
});

test("what changed: a claimant change is not a status change, and regions that changed alike are grouped", () => {
    /* 1912-02-12 in small: a and b keep their status, their claimant goes from Qing to the Republic; c, d, e, f, g
       change status alike (more than four: three named, the rest counted). */
    const names = ["a", "b", "c", "d", "e", "f", "g"];
    const tl = {
        units: names, stops: ["1911-01-01", "1912-02-12"], stopState: [0, 1], changeStops: [1],
        states: [
            {date: "1911-01-01", s: [3, 3, 0, 0, 0, 0, 0], c: [[0], [0, 2], [], [], [], [], []], changes: []},
            {date: "1912-02-12", s: [3, 3, 1, 1, 1, 1, 1], c: [[1], [], [], [], [], [], []],
                changes: [[0, 3, 3], [1, 3, 3], [2, 0, 1], [3, 0, 1], [4, 0, 1], [5, 0, 1], [6, 0, 1]]}
        ]
    };
    const text = {units: ["Outer Mongolia", "Tuva", "C", "D", "E", "F", "G"],
        statuses: ["Qing Empire", "Administered by China", "x", "Declared independence"],
        claimants: ["Qing China", "Republic of China", "Japan"]};
    const said = M.changeText(tl, text, null, 1);
    assert.equal(said, "Changed on this date: Outer Mongolia: now claimed by Republic of China (before: Qing China); " +
        "Tuva: no longer claimed by Qing China, Japan; C, D, E and 2 more: Administered by China.");
    assert.ok(!said.includes("Declared independence"));
});

test("a typed date: a year, a month or a day; anything else is not a date", () => {
    assert.equal(M.parseDate("1921"), "1921-01-01");
    assert.equal(M.parseDate(" 1921-7 "), "1921-07-01");
    assert.equal(M.parseDate("1921/07/11"), "1921-07-11");
    assert.equal(M.parseDate("1689-09-06"), "1689-09-06");
    assert.equal(M.parseDate("1900-02-29"), null);    // not a leap year
    assert.equal(M.parseDate("1921-13-01"), null);
    assert.equal(M.parseDate("nineteen"), null);
    assert.equal(M.parseDate(""), null);
});
