"""Audit-trail entries for the product-template actions (see tests/test_audit_trail.py)."""


def calls(cast, tmp_path) -> dict:
    from layanan.products.actions import do_update_product_template
    from layanan.tests.factories import make_service
    from layanan.tests.product_builders import give_template

    def create():
        return give_template(make_service("izin-belajar", "Izin Belajar"), actor=cast.admin)

    return {
        "layanan.products.actions.do_create_product_template": create,
        "layanan.products.actions.do_update_product_template": lambda: do_update_product_template(
            give_template(make_service("ujian-dinas", "Ujian Dinas"), actor=cast.admin),
            {"official_name": "Ir. Citra Lestari"},
            actor=cast.admin,
        ),
    }
