"""Reference tables kept in step with their source of truth.

The 17 golongan come from ``regulations.ranks``; the functional-position catalogue from
``people/content/jabatan_fungsional.csv`` (read by ``people.reference.files``).
``sync_reference_tables`` is idempotent and takes the model classes as arguments so the data
migration can pass its historical models.
"""

from __future__ import annotations

from regulations.ranks import GOLONGAN


def sync_reference_tables(golongan_model, jf_model) -> None:
    from people.reference.files import JF_CATALOGUE

    for g in GOLONGAN:
        golongan_model.objects.update_or_create(
            numeric=g.numeric, defaults={"code": g.code, "pangkat": g.pangkat, "order": g.order}
        )
    for jf in JF_CATALOGUE:
        jf_model.objects.update_or_create(
            code=jf.code,
            defaults={
                "name": jf.name,
                "kategori": jf.kategori,
                "jenjang": list(jf.jenjang),
                "regulation": jf.regulation,
            },
        )
