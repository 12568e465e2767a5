"""Stage specs, the checked pipeline config, its fingerprint, and the pipeline that runs the stages.

A stage is a callable `Article -> Article` registered by name in `SPECS`, the one table that says
what each stage requires (fields an earlier stage must assign), reads when present, assigns (record
fields such as `entities`, `places`, `category`; `sentences` is internal), which options it takes and
which shipped files it loads. A `PipelineConfig` is a list of (stage, options) checked when built and
serialised canonically (sorted-key JSON). The fingerprint is a short sha256 over rasd's version, the
record schema, that JSON and the sha256 of every file the stages declare (`rasd.resources`), so the
same code, config and model bytes always give the same fingerprint and any change gives another.

The pipeline runs each stage atomically and idempotently: the stage sees a copy of the article in
which the fields it assigns are empty (it never reads its own earlier output) and its warnings list
empty; when it returns, the pipeline sets the fields it assigns in one step and adds its new
warnings (a warning already on the article is not repeated). When the stage raises, the article's
fields stay as they were and it gets one warning. So `pipeline(from_dict(pipeline(a).to_dict()))`
gives `pipeline(a)` again. Stages marked Arabic are skipped for an article whose `language` is not
Arabic.
"""
from __future__ import annotations

import copy
import hashlib
import importlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.errors import ModelError, UsageError
from rasd.model import SCHEMA, Article
from rasd.resources import RESOURCES, Resources
from rasd.version import __version__

Stage = Callable[[Article], Article]

# Article fields a stage may assign. List fields start empty in the stage's working copy; a scalar
# field (`category`) keeps the input's value, which the stage may keep (a category the input carries
# wins), so a re-run keeps what the first run set.
LIST_FIELDS: tuple[str, ...] = ("sentences", "dates", "entities", "places", "quotes", "counts", "events")
SCALAR_FIELDS: tuple[str, ...] = ("category",)
# Fingerprint length in hex digits (64 bits: collisions are out of reach for any store).
FINGERPRINT_HEX = 16

_NER_COMMON = ("models/ner_clusters.tsv.gz", "models/ner_gazetteer.tsv.gz")
_GAZETTEER = ("geo/data/gazetteer.tsv.gz", "geo/data/common_keys.tsv")


@dataclass(frozen=True)
class StageSpec:
    """One registered stage.

    `target` is "module:attribute": a stage, or a factory marked `factory = True` that builds it (models
    load there, not at import) and takes the stage's options as keyword arguments. `options` maps each
    option to its allowed values, the first being the default. `resources` are the shipped files it
    loads whatever its options; `option_resources[option][value]` those that depend on an option.
    """

    name: str
    target: str
    assigns: tuple[str, ...]
    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    options: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    resources: tuple[str, ...] = ()
    option_resources: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    arabic: bool = True  # skipped when the article is not in Arabic

    def defaults(self) -> dict[str, str]:
        return {k: v[0] for k, v in self.options.items()}

    def files(self, options: Mapping[str, str]) -> tuple[str, ...]:
        """Every shipped file the stage loads with `options`, sorted."""
        out = set(self.resources)
        for opt, by_value in self.option_resources.items():
            out.update(by_value.get(options.get(opt, ""), ()))
        return tuple(sorted(out))


# The stage table, in the default order. Later stages read what earlier ones assign (quotes read
# entities and places, counts places and dates, events all of them).
SPECS: tuple[StageSpec, ...] = (
    StageSpec("sentences", "rasd.text.layer:sentences_stage", assigns=("sentences",), arabic=False),
    StageSpec("dates", "rasd.text.dates:dates_stage", assigns=("dates",)),
    StageSpec("entities", "rasd.extract.entities:entities_stage", assigns=("entities",),
              reads=("sentences",), options={"ner": ("fast", "accurate")},
              resources=("models/entity_ids.tsv", "models/entity_ids_common.txt", *_GAZETTEER),
              option_resources={"ner": {
                  "fast": ("models/ner_fast.json", "models/ner_fast.crfsuite", "models/ner_votes.tsv.gz",
                           *_NER_COMMON),
                  "accurate": ("models/ner.json", "models/ner.crfsuite", "models/ner_neural.npz",
                               "models/ner_vectors.npz", *_NER_COMMON)}}),
    StageSpec("places", "rasd.geo.places:places_stage", assigns=("places",), reads=("entities",),
              resources=_GAZETTEER),
    StageSpec("quotes", "rasd.extract.quotes:quotes_stage", assigns=("quotes",),
              reads=("entities", "places")),
    StageSpec("counts", "rasd.extract.counts:counts_stage", assigns=("counts",),
              reads=("entities", "places", "dates")),
    StageSpec("events", "rasd.extract.events.stage:events_stage", assigns=("events",),
              requires=("entities", "places", "dates", "counts"), reads=("sentences",),
              resources=("models/events_classifier.json.gz",)),
    StageSpec("category", "rasd.extract.category:category_stage", assigns=("category",),
              resources=("models/category.npz", "models/category_geo.tsv")),
)
SPEC_BY_NAME: dict[str, StageSpec] = {s.name: s for s in SPECS}

# name -> "module:attribute" (kept for callers and tests that register a stage of their own; a name
# here without a spec assigns nothing and requires nothing, and may append warnings).
STAGES: dict[str, str] = {s.name: s.target for s in SPECS}
# Old names kept working: the name, then the stage and options it stands for.
ALIASES: dict[str, tuple[str, dict[str, str]]] = {"entities_accurate": ("entities", {"ner": "accurate"})}

DEFAULT_PIPELINE: tuple[str, ...] = tuple(s.name for s in SPECS)


def spec(name: str) -> StageSpec:
    """The spec of a registered stage (a bare `STAGES` entry gets an empty one)."""
    if name in SPEC_BY_NAME and STAGES.get(name) == SPEC_BY_NAME[name].target:
        return SPEC_BY_NAME[name]
    if name in STAGES:
        return StageSpec(name, STAGES[name], assigns=(), arabic=False)
    known = sorted({*STAGES, *ALIASES})
    raise UsageError(f"unknown stage {name!r} (known: {', '.join(known)})")


@dataclass(frozen=True)
class StageConfig:
    """One stage of a pipeline with all its options (defaults filled in)."""

    name: str
    options: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "options": dict(sorted(self.options.items()))}


StageArg = str | StageConfig | tuple[str, Mapping[str, str]]


@dataclass(frozen=True)
class PipelineConfig:
    """The checked list of stages a pipeline runs."""

    stages: tuple[StageConfig, ...]

    @classmethod
    def build(cls, stages: Iterable[StageArg] = DEFAULT_PIPELINE,
              options: Mapping[str, Mapping[str, str]] | None = None) -> PipelineConfig:
        """Resolve names and aliases, fill in default options, and check the result.

        `options` maps a stage name to option values (`{"entities": {"ner": "accurate"}}`). Raises
        UsageError for an unknown stage or option, a value the option does not take, a stage named
        twice, a requirement no earlier stage assigns, or a field a stage reads that it or a later
        stage assigns (it would read stale output on a re-run).
        """
        given = {k: dict(v) for k, v in (options or {}).items()}
        out: list[StageConfig] = []
        for item in stages:
            if isinstance(item, StageConfig):
                name, opts = item.name, dict(item.options)
            elif isinstance(item, tuple):
                name, opts = item[0], dict(item[1])
            else:
                name, opts = item, {}
            if name in ALIASES:
                name, alias_opts = ALIASES[name]
                opts = {**alias_opts, **opts}
            s = spec(name)
            opts = {**s.defaults(), **given.pop(name, {}), **opts}
            for k, v in opts.items():
                if k not in s.options:
                    raise UsageError(f"stage {name!r} has no option {k!r}"
                                     + (f" (options: {', '.join(s.options)})" if s.options else ""))
                if v not in s.options[k]:
                    raise UsageError(f"unknown {k} value {v!r} for stage {name!r} "
                                     f"(known: {', '.join(s.options[k])})")
            out.append(StageConfig(name, dict(sorted(opts.items()))))
        if given:
            raise UsageError(f"options given for stages not in the pipeline: {', '.join(sorted(given))}")
        config = cls(tuple(out))
        config.check()
        return config

    def check(self) -> None:
        names = [s.name for s in self.stages]
        for n in names:
            if names.count(n) > 1:
                raise UsageError(f"stage {n!r} appears twice in the pipeline")
        specs = [spec(n) for n in names]
        for i, s in enumerate(specs):
            earlier = {f for e in specs[:i] for f in e.assigns}
            for f in s.requires:
                if f not in earlier:
                    who = [e.name for e in SPECS if f in e.assigns]
                    raise UsageError(f"stage {s.name!r} requires {f!r}, which no earlier stage assigns"
                                     + (f" (add {', '.join(who)} before it)" if who else ""))
            later = {f: e.name for e in reversed(specs[i:]) for f in e.assigns}
            for f in s.reads:
                if f in later:
                    raise UsageError(f"stage {s.name!r} reads {f!r}, which stage {later[f]!r} assigns "
                                     f"{'itself' if later[f] == s.name else 'after it'}: "
                                     f"put {later[f]!r} first")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def to_dict(self) -> dict[str, Any]:
        return {"stages": [s.to_dict() for s in self.stages]}

    def to_json(self) -> str:
        """The canonical serialisation: sorted keys, no spaces, UTF-8 characters as they are."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def files(self) -> tuple[str, ...]:
        """Every shipped file the stages load, sorted."""
        return tuple(sorted({f for s in self.stages for f in spec(s.name).files(s.options)}))

    def fingerprint(self, resources: Resources = RESOURCES) -> str:
        """sha256 over rasd's version, the record schema, `to_json()` and the declared files' sums."""

        payload = {"rasd": __version__, "schema": SCHEMA, "config": self.to_dict(),
                   "files": resources.sums(self.files())}
        blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]


def load_stage(name: str, options: Mapping[str, str] | None = None) -> Stage:
    """Import and build the stage registered as `name` (or an alias), with `options`."""
    if name in ALIASES:
        name, alias_opts = ALIASES[name]
        options = {**alias_opts, **(options or {})}
    s = spec(name)
    module_name, _, attr = s.target.partition(":")
    obj = getattr(importlib.import_module(module_name), attr)
    if getattr(obj, "factory", False):
        return obj(**(options or {}))  # type: ignore[no-any-return]
    return obj  # type: ignore[no-any-return]


def _is_arabic(article: Article) -> bool:
    return (article.language or "ar").split("-")[0].lower() == "ar"


class Pipeline:
    """An ordered, checked list of stages, built once and applied to many articles.

    `stages` are names (or aliases such as `entities_accurate`), `StageConfig`s or (name, options)
    pairs; `options` maps a stage name to its options. `config` and `fingerprint` say what runs.
    """

    def __init__(self, stages: Iterable[StageArg] = DEFAULT_PIPELINE, *,
                 options: Mapping[str, Mapping[str, str]] | None = None,
                 resources: Resources = RESOURCES) -> None:
        self.config = PipelineConfig.build(stages, options)
        self.names = self.config.names
        self.specs = [spec(n) for n in self.names]
        self.stages = [load_stage(s.name, s.options) for s in self.config.stages]
        self.fingerprint = self.config.fingerprint(resources)

    def __call__(self, article: Article) -> Article:
        arabic = _is_arabic(article)
        for s, stage in zip(self.specs, self.stages, strict=True):
            if s.arabic and not arabic:
                continue
            self._run(s, stage, article)
        article.schema = SCHEMA
        article.pipeline = self.fingerprint
        return article

    @staticmethod
    def _run(s: StageSpec, stage: Stage, article: Article) -> None:
        """Run one stage on a working copy; on success set what it assigns in one step."""
        work = copy.copy(article)
        for f in LIST_FIELDS:  # fresh lists: a stage that appends in place touches only its copy
            setattr(work, f, [] if f in s.assigns else list(getattr(article, f)))
        work.warnings = []
        declared = bool(s.assigns) or s.name in SPEC_BY_NAME
        try:
            result = stage(work)
        except Exception as e:  # noqa: BLE001 - one article's failure must not stop a batch
            new = [f"stage {s.name} failed: {type(e).__name__}: {e}"]
        else:
            if result is None:
                result = work
            fields = s.assigns if declared else (*LIST_FIELDS, *SCALAR_FIELDS)
            values = {f: getattr(result, f) for f in fields}
            for f, v in values.items():
                setattr(article, f, v)
            new = result.warnings
        article.warnings.extend(w for w in dict.fromkeys(new) if w not in article.warnings)
        if work.layer is not article.layer:
            # the per-article text layer (words, keys, sentences of the frozen text) is a cache built on
            # first use: keep what the stage built so the next stages do not build it again
            article.layer = work.layer

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run the pipeline over `articles`, lazily, one at a time."""
        for a in articles:
            yield self(a)


def build_pipeline(stages: Sequence[StageArg] | None = None, *, ner: str | None = None,
                   resources: Resources = RESOURCES) -> Pipeline:
    """A pipeline of `stages` (default: DEFAULT_PIPELINE) with the entities tagger `ner`, if given.

    Raises UsageError for a bad name or option, ModelError when a stage cannot be loaded.
    """
    names = list(DEFAULT_PIPELINE if stages is None else stages)
    options: dict[str, dict[str, str]] = {}
    if ner is not None:
        has_entities = any((n if isinstance(n, str) else n[0] if isinstance(n, tuple) else n.name)
                           in ("entities", "entities_accurate") for n in names)
        if ner not in SPEC_BY_NAME["entities"].options["ner"]:
            raise UsageError(f"unknown NER mode {ner!r} (known: fast, accurate)")
        if has_entities:  # an explicit `entities_accurate` in `stages` keeps its tagger
            options["entities"] = {"ner": ner}
    try:
        return Pipeline(names, options=options, resources=resources)
    except (ImportError, AttributeError) as e:
        raise ModelError(f"cannot load a pipeline stage: {e}") from e


__all__ = ["ALIASES", "DEFAULT_PIPELINE", "SPECS", "STAGES", "Pipeline", "PipelineConfig", "StageConfig",
           "StageSpec", "build_pipeline", "load_stage", "spec"]
