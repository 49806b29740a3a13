"""Reading answers across a whole campaign (for the jafung monitoring and exports).

``Submission.answers`` is a copy of the latest version's answers, kept in step by
campaigns.actions.do_submit, so the latest answers of every employee are one query.
"""

from __future__ import annotations

from campaigns.models import Submission


def answers_by_pegawai(campaign_slug: str) -> dict[int, dict]:
    """{pegawai_id: {question_code: value}} of the latest version of every submission.

    Values are as stored: text and choices as strings, numbers as numbers, dates as ISO
    strings, yes/no as "ya"/"tidak", files as core Document ids. One query.
    """
    rows = Submission.objects.filter(campaign__slug=campaign_slug).values_list("pegawai_id", "answers")
    return {pegawai_id: answers or {} for pegawai_id, answers in rows}
