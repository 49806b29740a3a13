"""FAQ reads: the published entries by topic, and search.

Search (docs/decisions/0005-helpdesk-sla-and-faq-search.md): an entry matches when at least
half of the query's words (common words left out) appear in its question or answer; entries
matching more words come first, then, on PostgreSQL, by the full-text rank (``ts_rank`` over
question, weight A, and answer, weight B, "simple" configuration: PostgreSQL has no Indonesian
stemmer), on SQLite (development, tests) question hits first. The FAQ holds tens to hundreds
of entries, so computing this per query is cheap and needs no stored column to keep in step.
"""

from __future__ import annotations

import math
import re

from django.db import connection
from django.db.models import Case, ExpressionWrapper, IntegerField, Q, QuerySet, Value, When

from helpdesk.models import FaqEntry, FaqTopic

MAX_WORDS = 8


def published() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(is_published=True).select_related("topic")


# Words that say nothing about the problem: left out of a search, so that "saya" or "yang"
# alone do not make every entry a match.
STOPWORDS = frozenset(
    [
        "dan",
        "yang",
        "saya",
        "di",
        "ke",
        "dari",
        "untuk",
        "atau",
        "apa",
        "ini",
        "itu",
        "ada",
        "bagaimana",
        "apakah",
        "dengan",
        "pada",
        "sudah",
        "akan",
        "bisa",
        "mau",
        "kami",
        "anda",
        "aku",
        "juga",
        "karena",
        "jika",
        "kalau",
        "agar",
        "oleh",
        "sebagai",
        "masih",
        "belum",
    ]
)


def words(text: str) -> list[str]:
    found = re.findall(r"\w+", (text or "").casefold())
    return [w for w in dict.fromkeys(found) if len(w) > 1 and w not in STOPWORDS][:MAX_WORDS]


def _has(word: str) -> Q:
    return Q(question__icontains=word) | Q(answer__icontains=word)


def search(text: str, *, limit: int | None = None) -> QuerySet[FaqEntry]:
    """Entries holding at least half of the query's words (a typed question rarely matches
    word for word), the best first."""
    found = words(text)
    entries = published()
    if not found:
        return entries.none()
    hits = sum((Case(When(_has(w), then=Value(1)), default=Value(0)) for w in found), Value(0))
    in_question = sum(
        (Case(When(question__icontains=w, then=Value(1)), default=Value(0)) for w in found), Value(0)
    )
    entries = entries.annotate(
        hits=ExpressionWrapper(hits, output_field=IntegerField()),
        in_question=ExpressionWrapper(in_question, output_field=IntegerField()),
    ).filter(hits__gte=math.ceil(len(found) / 2))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("question", weight="A", config="simple") + SearchVector(
            "answer", weight="B", config="simple"
        )
        # websearch syntax never raises on odd input, unlike a raw tsquery.
        query = SearchQuery(" or ".join(found), search_type="websearch", config="simple")
        entries = entries.annotate(rank=SearchRank(vector, query)).order_by("-hits", "-rank", "id")
    else:
        entries = entries.order_by("-hits", "-in_question", "topic__order", "order", "id")
    return entries[:limit] if limit else entries


def by_topic(entries) -> list[tuple[FaqTopic, list[FaqEntry]]]:
    groups: dict[int, tuple[FaqTopic, list[FaqEntry]]] = {}
    for entry in entries:
        groups.setdefault(entry.topic_id, (entry.topic, []))[1].append(entry)
    return sorted(groups.values(), key=lambda g: (g[0].order, g[0].name))
