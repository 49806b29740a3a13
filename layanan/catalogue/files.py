"""The service catalogue's content files, read and checked: the Standar Pelayanan of each BKD
service (``layanan/content/services/<slug>.yaml``, with what every standard shares in
``layanan/content/common.yaml``), the standard disposition chain (``layanan/content/chain.yaml``)
and the product letters (Django templates in ``layanan/templates/layanan/letters/``).

``layanan.catalogue.actions.do_seed_catalogue`` turns this content into rows once, after which
an Admin edits the rows (never the files) with history; docs/layanan-catalogue.md says how a
developer edits a standard. A file that does not fit raises :class:`ContentError` naming the
file and the field, when the module is imported: a broken catalogue stops the tests and the
server start, not a request.

A product letter is stored in its service's ProductTemplate as one self-contained body
(:func:`letter_body`: the letter with the files it extends and includes written into it), so
the renderer's sandboxed engine (layanan.products.files, no template loaders) can print it and
an Admin edits a whole letter, and an issued or edited letter never changes when a file does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.template.base import Lexer, TokenType

from accounts.roles import Role
from core.models import Document
from layanan.models import Action, Component, Eligibility, Service

APP = Path(__file__).resolve().parent.parent
CONTENT = APP / "content"
TEMPLATES = APP / "templates"
LETTERS = "layanan/letters/"

WORKING_DAYS = Service.DurationUnit.WORKING_DAYS
MONTHS = Service.DurationUnit.MONTHS

# Office minutes one working day surely holds: Friday is the shortest day of the seeds'
# service hours (08.30–15.30 less a two-hour break = 5 hours).
MINUTES_PER_WORKING_DAY = 300
# A month of working days after weekends and the odd holiday: a conservative 20.
WORKING_DAYS_PER_MONTH = 20
# The desks of the chain may use at most this share of the service's time: the rest is a
# margin for the applicant's own delays and the hand-overs between desks.
CHAIN_SHARE = 0.8
# For month-long services the last step (the file goes to BKN and the answer comes back)
# takes what the desks before it leave.
LONG_STEP = "penerbitan"

# Scans an employee's file can hold (core.Document.Kind): a requirement may name one of them
# so the applicant attaches the stored scan instead of uploading it again.
FILE_KINDS = (
    Document.Kind.SK_PANGKAT,
    Document.Kind.SK_JABATAN,
    Document.Kind.IJAZAH,
    Document.Kind.SERTIFIKAT,
    Document.Kind.SKP,
)

# libyaml's loader where installed: the files are read at every process start, and the pure
# Python one takes ten times as long.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Components a list numbers "1. …" (the seeds number the legal bases and the procedure).
NUMBERED = (Component.DASAR_HUKUM, Component.PROSEDUR)
# A line of a text that is only a key like "uu-asn" stands for common.yaml's shared text.
SHARED_KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


class ContentError(ValueError):
    """A content file does not fit; the message names the file and the field."""


@dataclass(frozen=True)
class StepSpec:
    code: str
    name: str
    role: str
    escalate_to: str
    target_minutes: int  # office minutes; a service may scale them to fit its duration


@dataclass(frozen=True)
class TransitionSpec:
    from_step: str
    action: str
    to_step: str | None
    label: str
    note_required: bool = False
    bulk: bool = False


@dataclass(frozen=True)
class RequirementSpec:
    name: str
    note: str = ""
    required: bool = True
    # A core.Document.Kind whose scan in the employee's file may be attached instead.
    from_file_kind: str = ""


@dataclass(frozen=True)
class ProductSpec:
    title: str
    number_format: str
    letter: str  # layanan/templates/layanan/letters/<letter>.html
    official_title: str
    official_name: str
    official_nip: str = ""

    @property
    def body(self) -> str:
        return letter_body(self.letter)


@dataclass(frozen=True)
class ServiceSpec:
    slug: str
    name: str
    summary: str
    eligibility: str
    duration: int
    unit: str
    components: dict[str, str]
    requirements: tuple[RequirementSpec, ...]
    product: ProductSpec
    order: int = 0
    previous_stage: str | None = None


# --- Reading and checking -----------------------------------------------------------------


class _Reader:
    """Typed access to one mapping of a content file, with errors that say where."""

    def __init__(self, data, where: str):
        if not isinstance(data, dict):
            raise ContentError(f"{where}: expected a mapping of fields, found {type(data).__name__}")
        self.data, self.where = data, where

    def only(self, *allowed: str) -> None:
        unknown = sorted(set(self.data) - set(allowed))
        if unknown:
            raise ContentError(f"{self.where}: unknown field(s) {', '.join(unknown)}")

    def get(self, key: str, kind: type | tuple[type, ...], default=...):
        if key not in self.data or self.data[key] is None:
            if default is ...:
                raise ContentError(f"{self.where}: the field '{key}' is missing")
            return default
        value = self.data[key]
        # bool is an int in Python; a count written "yes" must not pass as 1.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ContentError(f"{self.where}: '{key}' must be {_kind_name(kind)}, found {value!r}")
        if isinstance(value, str) and not value.strip() and default is ...:
            raise ContentError(f"{self.where}: '{key}' is empty")
        return value

    def choice(self, key: str, choices, default=...) -> str | None:
        value = self.get(key, str, default)
        if value is None:  # left out where that is allowed
            return value
        if value not in {str(c) for c in choices}:
            known = ", ".join(repr(str(c)) for c in choices)
            raise ContentError(f"{self.where}: '{key}' is {value!r}, not one of {known}")
        return value


def _kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "a whole number", bool: "true or false", list: "a list", dict: "a mapping"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _load_yaml(path: Path):
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ContentError(f"{_rel(path)}: not valid YAML: {exc}") from exc


def _rel(path: Path) -> str:
    text, root = str(path), f"{APP.parent}/"
    return text.removeprefix(root)


def _text(value, where: str, shared: dict[str, str], *, numbered: bool = False) -> str:
    """A text field: a string, or a list of lines joined by line breaks (numbered "1. …" when
    ``numbered``), where a line that is a shared key becomes that shared text."""
    if isinstance(value, str):
        if not value.strip():
            raise ContentError(f"{where}: the text is empty")
        return value
    if not isinstance(value, list) or not value:
        raise ContentError(f"{where}: expected a text or a list of lines, found {value!r}")
    lines = []
    for i, line in enumerate(value, 1):
        if isinstance(line, dict):
            raise ContentError(f"{where}, line {i}: a line with ': ' or ending in ':' must be quoted")
        if not isinstance(line, str) or not line.strip():
            raise ContentError(f"{where}, line {i}: expected a non-empty text, found {line!r}")
        if SHARED_KEY.fullmatch(line):
            if line not in shared:
                raise ContentError(
                    f"{where}, line {i}: '{line}' is not a shared text of layanan/content/common.yaml"
                )
            line = shared[line]
        lines.append(line)
    if numbered:
        return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
    return "\n".join(lines)


@cache
def _common() -> dict:
    path = CONTENT / "common.yaml"
    common = _Reader(_load_yaml(path), _rel(path))
    common.only("components", "shared", "product")
    shared_data = common.get("shared", dict)
    shared = {}
    for key, value in shared_data.items():
        if not SHARED_KEY.fullmatch(str(key)):
            raise ContentError(f"{common.where}: shared key '{key}' must be lower-case words with hyphens")
        shared[key] = _text(value, f"{common.where}: shared.{key}", {})
    components = _Reader(common.get("components", dict), f"{common.where}: components")
    components.only(*Component.values)
    texts = {key: _text(value, f"{components.where}.{key}", shared) for key, value in components.data.items()}
    product = _Reader(common.get("product", dict), f"{common.where}: product")
    product.only("official_title", "official_name", "official_nip")
    return {
        "shared": shared,
        "components": texts,
        "product": {
            "official_title": product.get("official_title", str),
            "official_name": product.get("official_name", str),
            "official_nip": product.get("official_nip", str, ""),
        },
    }


def load_chain(
    path: Path = CONTENT / "chain.yaml",
) -> tuple[tuple[StepSpec, ...], tuple[TransitionSpec, ...], str]:
    """The standard chain: its steps, its transitions and the code of its entry step."""
    chain = _Reader(_load_yaml(path), _rel(path))
    chain.only("entry", "steps", "transitions")
    steps = []
    for i, raw in enumerate(chain.get("steps", list), 1):
        step = _Reader(raw, f"{chain.where}: step {i}")
        step.only("code", "name", "role", "escalate_to", "target_minutes")
        minutes = step.get("target_minutes", int)
        if minutes <= 0:
            raise ContentError(f"{step.where}: 'target_minutes' must be more than 0")
        steps.append(
            StepSpec(
                code=step.get("code", str),
                name=step.get("name", str),
                role=Role(step.choice("role", Role.values)),
                escalate_to=Role(step.choice("escalate_to", Role.values)),
                target_minutes=minutes,
            )
        )
    codes = [s.code for s in steps]
    if len(set(codes)) != len(codes):
        raise ContentError(f"{chain.where}: a step code appears twice in {codes}")
    entry = chain.choice("entry", codes)
    if LONG_STEP not in codes:
        raise ContentError(f"{chain.where}: the chain needs the step '{LONG_STEP}' (see step_targets)")
    transitions = []
    for i, raw in enumerate(chain.get("transitions", list), 1):
        move = _Reader(raw, f"{chain.where}: transition {i}")
        move.only("from", "action", "to", "label", "note_required", "bulk")
        action = Action(move.choice("action", Action.values))
        to_step = move.choice("to", codes, None) if action == Action.FORWARD else move.get("to", str, None)
        if action == Action.FORWARD and to_step is None:
            raise ContentError(f"{move.where}: a forward needs 'to', the step it moves to")
        if action != Action.FORWARD and to_step is not None:
            raise ContentError(f"{move.where}: only a forward has 'to'")
        transitions.append(
            TransitionSpec(
                from_step=move.choice("from", codes),
                action=action,
                to_step=to_step,
                label=move.get("label", str),
                note_required=move.get("note_required", bool, False),
                bulk=move.get("bulk", bool, False),
            )
        )
    if sum(t.action == Action.COMPLETE for t in transitions) < 1:
        raise ContentError(f"{chain.where}: no transition completes a request")
    return tuple(steps), tuple(transitions), entry


SERVICE_FIELDS = (
    "slug",
    "name",
    "summary",
    "eligibility",
    "duration",
    "unit",
    "order",
    "previous_stage",
    "components",
    "requirements",
    "product",
)


def load_service(path: Path) -> ServiceSpec:
    """One service file, completed with common.yaml."""
    common = _common()
    spec = _Reader(_load_yaml(path), _rel(path))
    spec.only(*SERVICE_FIELDS)
    slug = spec.get("slug", str)
    if slug != path.stem:
        raise ContentError(f"{spec.where}: 'slug' is {slug!r} but the file is named {path.name}")
    duration, unit = spec.get("duration", int), spec.choice("unit", Service.DurationUnit.values)
    if duration <= 0:
        raise ContentError(f"{spec.where}: 'duration' must be more than 0")

    own = _Reader(spec.get("components", dict), f"{spec.where}: components")
    own.only(*Component.values)
    components = dict(common["components"])
    for key, value in own.data.items():
        components[key] = _text(value, f"{own.where}.{key}", common["shared"], numbered=key in NUMBERED)
    missing = [c for c in Component.values if c not in components]
    if missing:
        raise ContentError(
            f"{own.where}: missing component(s) {', '.join(missing)} (not in common.yaml either)"
        )
    # The public page shows the time limit twice (the field and the component): they must agree.
    if not components[Component.JANGKA_WAKTU].startswith(f"{duration} "):
        raise ContentError(f"{own.where}.jangka_waktu: must start with the duration, {duration}")

    requirements = []
    for i, raw in enumerate(spec.get("requirements", list), 1):
        item = _Reader(raw, f"{spec.where}: requirement {i}")
        item.only("name", "note", "required", "from_file_kind")
        requirements.append(
            RequirementSpec(
                name=item.get("name", str),
                note=item.get("note", str, ""),
                required=item.get("required", bool, True),
                from_file_kind=item.choice("from_file_kind", ["", *FILE_KINDS], ""),
            )
        )
    if not requirements:
        raise ContentError(f"{spec.where}: 'requirements' lists no document")

    product = _Reader(spec.get("product", dict), f"{spec.where}: product")
    product.only("title", "number_format", "letter", "official_title", "official_name", "official_nip")
    number_format = product.get("number_format", str)
    if "{seq}" not in number_format or "{year}" not in number_format:
        raise ContentError(f"{product.where}: 'number_format' must hold {{seq}} and {{year}}")
    letter = product.get("letter", str)
    if not (TEMPLATES / LETTERS / f"{letter}.html").is_file():
        raise ContentError(f"{product.where}: no letter {LETTERS}{letter}.html")
    defaults = common["product"]
    return ServiceSpec(
        slug=slug,
        name=spec.get("name", str),
        summary=spec.get("summary", str),
        eligibility=spec.choice("eligibility", Eligibility.values, ""),
        duration=duration,
        unit=unit,
        components=components,
        requirements=tuple(requirements),
        product=ProductSpec(
            title=product.get("title", str),
            number_format=number_format,
            letter=letter,
            official_title=product.get("official_title", str, defaults["official_title"]),
            official_name=product.get("official_name", str, defaults["official_name"]),
            official_nip=product.get("official_nip", str, defaults["official_nip"]),
        ),
        order=spec.get("order", int, 0),
        previous_stage=spec.get("previous_stage", str, None),
    )


def load_services(folder: Path = CONTENT / "services") -> tuple[ServiceSpec, ...]:
    """Every service file of ``folder``, in catalogue order."""
    specs = sorted(
        (load_service(path) for path in sorted(folder.glob("*.yaml"))), key=lambda s: (s.order, s.slug)
    )
    if not specs:
        raise ContentError(f"{folder} holds no service file")
    formats = {}
    for spec in specs:
        if spec.product.number_format in formats:
            raise ContentError(
                f"{spec.slug}.yaml: the number format is also "
                f"{formats[spec.product.number_format]}'s (register numbers are unique)"
            )
        formats[spec.product.number_format] = spec.slug
    # Seeding links a stage to the one before it, so that one must come first (lower order).
    seen = set()
    for spec in specs:
        if spec.previous_stage and spec.previous_stage not in seen:
            raise ContentError(
                f"{spec.slug}.yaml: previous_stage '{spec.previous_stage}' "
                "is not a service with a lower order"
            )
        seen.add(spec.slug)
    return tuple(specs)


# --- Letters: one self-contained body from a letter and the files it extends ------------------


@dataclass(frozen=True)
class _Block:
    name: str
    nodes: tuple


def _template_name(bit: str, where: str) -> str:
    if len(bit) < 2 or bit[0] != bit[-1] or bit[0] not in "'\"":
        raise ContentError(f"{where}: a template name must be a quoted string, found {bit}")
    name = bit[1:-1]
    if not name.startswith(LETTERS) or ".." in name:
        raise ContentError(f"{where}: a letter may only use files of {LETTERS}, not {name}")
    return name


def _parse(name: str) -> tuple[str | None, tuple]:
    """A letter file as (the file it extends, its nodes): text, tags and _Block nodes, with
    includes written in and comments dropped. Only what a flat body can express is allowed."""
    path = TEMPLATES / name
    if not path.is_file():
        raise ContentError(f"no letter file {name}")
    where = f"layanan/templates/{name}"
    stack: list[list] = [[]]
    open_blocks: list[str] = []
    extends = None
    after_comment = False
    for token in Lexer(path.read_text(encoding="utf-8")).tokenize():
        # Comments are for whoever edits the file; the stored body goes without them (and
        # without the line break that ended a comment line).
        if token.token_type == TokenType.COMMENT:
            after_comment = True
            continue
        if token.token_type == TokenType.TEXT:
            text = token.contents
            stack[-1].append(text[1:] if after_comment and text.startswith("\n") else text)
            after_comment = False
            continue
        after_comment = False
        if token.token_type == TokenType.VAR:
            if "block.super" in token.contents:
                raise ContentError(f"{where}: block.super is not supported; repeat the text instead")
            stack[-1].append("{{ " + token.contents + " }}")
            continue
        bits = token.split_contents()
        if bits[0] == "extends":
            if extends or open_blocks or "".join(n for n in stack[0] if isinstance(n, str)).strip():
                raise ContentError(f"{where}: 'extends' must be the first tag of the file")
            extends = _template_name(bits[1], where)
        elif bits[0] == "block":
            stack.append([])
            open_blocks.append(bits[1])
        elif bits[0] == "endblock":
            if not open_blocks:
                raise ContentError(f"{where}: 'endblock' without a block")
            nodes = stack.pop()
            stack[-1].append(_Block(open_blocks.pop(), tuple(nodes)))
        elif bits[0] == "include":
            if len(bits) != 2:
                raise ContentError(f"{where}: an include takes the file name only (no 'with' or 'only')")
            included, nodes = _parse(_template_name(bits[1], where))
            if included:
                raise ContentError(f"{where}: an included file may not extend another")
            stack[-1].extend(nodes)
        else:
            stack[-1].append("{% " + token.contents + " %}")
    if open_blocks:
        raise ContentError(f"{where}: block '{open_blocks[-1]}' is not closed")
    if extends and any(isinstance(n, str) and n.strip() for n in stack[0]):
        raise ContentError(f"{where}: a letter that extends another holds nothing outside its blocks")
    return extends, tuple(stack[0])


def _blocks(nodes, into: dict) -> dict:
    for node in nodes:
        if isinstance(node, _Block):
            into.setdefault(node.name, node)
            _blocks(node.nodes, into)
    return into


def _override(nodes, blocks: dict) -> tuple:
    return tuple(
        _Block(node.name, _override(blocks[node.name].nodes if node.name in blocks else node.nodes, blocks))
        if isinstance(node, _Block)
        else node
        for node in nodes
    )


def _resolve(name: str) -> tuple:
    extends, nodes = _parse(name)
    if extends is None:
        return nodes
    parent = _resolve(extends)
    blocks = _blocks(nodes, {})
    # A block of the letter's top level must be one its parent has (blocks nested in it may be new).
    unknown = sorted({n.name for n in nodes if isinstance(n, _Block)} - set(_blocks(parent, {})))
    if unknown:
        raise ContentError(f"layanan/templates/{name}: {extends} has no block {', '.join(unknown)}")
    return _override(parent, blocks)


def _flat(nodes) -> str:
    return "".join(_flat(node.nodes) if isinstance(node, _Block) else node for node in nodes)


@cache
def letter_body(letter: str) -> str:
    """The letter ``layanan/letters/<letter>.html`` as one template source with no extends,
    blocks or includes: what a ProductTemplate stores and the sandboxed renderer prints."""
    return _flat(_resolve(f"{LETTERS}{letter}.html")).strip() + "\n"


# --- Helpers ------------------------------------------------------------------------------


def duration_text(duration: int, unit: str) -> str:
    """'3 hari kerja', '2 bulan': the service time as the public page says it (the unit's
    label, so it follows the active language)."""
    return f"{duration} {Service.DurationUnit(unit).label}"


def duration_budget_minutes(duration: int, unit: str) -> int:
    """The office minutes a service's time limit surely holds (see MINUTES_PER_WORKING_DAY)."""
    days = duration * WORKING_DAYS_PER_MONTH if unit == MONTHS else duration
    return days * MINUTES_PER_WORKING_DAY


def step_targets(duration: int, unit: str) -> dict[str, int]:
    """Per-step targets (office minutes) of the default chain, fitted to the service's time.

    The desks keep the chain's own targets when they fit in CHAIN_SHARE of the time limit and
    are scaled down together (to whole 5 minutes, at least 5) when they do not, so a
    one-day service does not promise seven hours of desk work. Month-long services give the
    remainder to the last step, where the file waits for BKN.
    """
    budget = int(duration_budget_minutes(duration, unit) * CHAIN_SHARE)
    defaults = {spec.code: spec.target_minutes for spec in DEFAULT_STEPS}
    total = sum(defaults.values())
    if total > budget:
        factor = budget / total
        return {code: max(5, int(minutes * factor) // 5 * 5) for code, minutes in defaults.items()}
    if unit == MONTHS:
        others = total - defaults[LONG_STEP]
        return {**defaults, LONG_STEP: budget - others}
    return defaults


DEFAULT_STEPS, DEFAULT_TRANSITIONS, ENTRY_STEP = load_chain()
SERVICES: tuple[ServiceSpec, ...] = load_services()
