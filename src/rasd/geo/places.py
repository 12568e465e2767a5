"""The `places` stage: find place mentions in an article, resolve them, and fill `article.places`.

The matching itself is `rasd.geo.match.PlaceMatcher`, shared with the entities stage: both call it on
the article's text and its LOC entity spans, so every entity's geonames id names a place of this
stage on the same span (see that module)."""
from __future__ import annotations

from rasd.geo.gazetteer import Gazetteer
from rasd.geo.match import PlaceMatcher, matcher_for
from rasd.model import Article, Place, PlaceRef


class PlacesStage:
    """Places of an article from the shared gazetteer matcher, given its LOC entities."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.matcher: PlaceMatcher = matcher_for(gazetteer or Gazetteer.default())
        self.gaz = self.matcher.gaz

    def find(self, article: Article) -> list[Place]:
        """The article's places, computed afresh (the stage itself reuses the entities stage's pass)."""
        return self.matcher.match(article.text, loc_spans(article))

    def __call__(self, article: Article) -> Article:
        article.places.extend(self.matcher.find(article.text, loc_spans(article)))
        return article


def loc_spans(article: Article) -> list[tuple[int, int]]:
    """The spans of the article's LOC entities: the matcher reads each as a locative cue."""
    return [(e.start, e.end) for e in article.entities if e.type == "LOC"]


def place_ref(place: Place) -> PlaceRef:
    """The location of a place mention, to attach to a count or an event."""
    return PlaceRef(name=place.name, country=place.country, admin1=place.admin1, lat=place.lat, lon=place.lon)


def places_stage() -> PlacesStage:
    """Build the stage once per process (the gazetteer loads here)."""
    return PlacesStage()


places_stage.factory = True  # type: ignore[attr-defined]

__all__ = ["PlacesStage", "loc_spans", "place_ref", "places_stage"]
