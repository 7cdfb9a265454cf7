"""The Northern Border Atlas dashboard (Dash): reads only geodata's public API."""
