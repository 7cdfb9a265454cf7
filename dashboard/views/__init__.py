"""The page's parts, one module per part (as datasette keeps one module per view); `dashboard.layout` only
assembles them. Each module exposes a function `lang -> component` (some take the atlas or the view too).

    header       title, language links, "open the full atlas" (embed)
    stores       the Stores, the address and the Play timer the callbacks use
    datebar      the date in words, what changed, the live regions for screen readers
    slider       the time slider (even in time, ticks at changes) and the exact-date field
    controls     Play, previous/next change, the border mode switch, Share/Embed
    share        what Share and Embed show (the link, the <iframe> snippet)
    map_block    the map's place (assets/nba_map.js draws into it) and its zoom buttons
    legend       the colours and line styles (heads the side column: beside the map, or right under it)
    details      the region panel: picker, details of the selected region, the compact region card
    area         China's area chart
    events       the events near the date (assets/atlas.js fills it)
    text_view    what the map shows as a table
    footer       the data and calendar notes
"""
