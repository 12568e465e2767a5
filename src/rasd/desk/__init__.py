"""The desk (`rasd serve`): a JSON API and right-to-left web pages over a store, from one FastAPI app.

    queries.py    what each page and endpoint shows (JSON-ready dicts), shared by both
    app.py        the FastAPI app: the API, its one error shape, the operator's ingest endpoint
    pages.py      the HTML pages (Jinja2 templates in templates/, assets in static/)
    highlight.py  an article's text with its facts marked, escaped
    svgmap.py     the map: country outlines (static/atlas) and proportional symbols, as SVG
    svgchart.py   the timeline chart, as SVG
    atlas.py      the shipped country outlines (static/atlas.json.gz, built by training/atlas_build.py)
    palette.py    one colour per count kind and event type, shared by the map and the chart
    svg.py        the small SVG helpers both drawings use (escaping, numbers)
"""
