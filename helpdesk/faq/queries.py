"""FAQ reads: the published entries by topic, and search.

Search (docs/decisions/0010-helpdesk-faq-search.md): on PostgreSQL a full-text match over
question (weight A) and answer (weight B) with the "simple" configuration (PostgreSQL has no
Indonesian stemmer; "simple" lower-cases and splits words), ranked by ``ts_rank``; on SQLite
(development, tests) every word must appear in the question or the answer, case-insensitive,
ranked question hits first. The FAQ holds tens to hundreds of entries, so a vector computed
per query is cheap and needs no stored column to keep in step.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from helpdesk.models import FaqEntry, FaqTopic

MAX_WORDS = 8


def published() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.filter(is_published=True).select_related("topic")


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", (text or "").casefold()) if len(w) > 1][:MAX_WORDS]


def search(text: str, *, limit: int | None = None) -> QuerySet[FaqEntry]:
    found = words(text)
    entries = published()
    if not found:
        return entries.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("question", weight="A", config="simple") + SearchVector(
            "answer", weight="B", config="simple"
        )
        # Any word may match (OR), the rank puts entries matching more words first.
        # websearch syntax never raises on odd input, unlike a raw tsquery.
        query = SearchQuery(" or ".join(found), search_type="websearch", config="simple")
        entries = entries.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0).order_by("-rank", "id")
    else:
        every = Q()
        in_question = Q()
        for word in found:
            every &= Q(question__icontains=word) | Q(answer__icontains=word)
            in_question &= Q(question__icontains=word)
        entries = (
            entries.filter(every)
            .annotate(
                rank=Case(When(in_question, then=Value(1)), default=Value(0), output_field=IntegerField())
            )
            .order_by("-rank", "topic__order", "order", "id")
        )
    return entries[:limit] if limit else entries


def by_topic(entries) -> list[tuple[FaqTopic, list[FaqEntry]]]:
    groups: dict[int, tuple[FaqTopic, list[FaqEntry]]] = {}
    for entry in entries:
        groups.setdefault(entry.topic_id, (entry.topic, []))[1].append(entry)
    return sorted(groups.values(), key=lambda g: (g[0].order, g[0].name))
