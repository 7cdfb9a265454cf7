/* Offline base map for plotly.js geo: plotly.js fetches https://cdn.plot.ly/un/world_110m.json for any
   geo trace with a locationmode (custom GeoJSON choropleths too). The atlas draws its own polygons and
   uses no base map, so this empty TopoJSON stands in for it and nothing is fetched. It must load before
   plotly.js (assets load in name order: this file, then vendor/). */
(function () {
    "use strict";
    var layers = ["coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits"];
    var objects = {};
    layers.forEach(function (name) { objects[name] = {type: "GeometryCollection", geometries: []}; });
    var stub = {type: "Topology", objects: objects, arcs: [], bbox: [-180, -90, 180, 90]};
    window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
    window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};
    ["world_110m", "world_50m"].forEach(function (key) { window.PlotlyGeoAssets.topojson[key] = stub; });
}());
