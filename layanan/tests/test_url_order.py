"""Every URL of layanan resolves back to the page it was built for, whatever the order of the
routes: a service slug or a request number that happens to spell a fixed prefix ("lacak",
"sla", "baru") cannot reach another page. The documented public paths stay as they are."""

from __future__ import annotations

import itertools

import pytest
from django.urls import NoReverseMatch, get_resolver, resolve, reverse
from django.urls.converters import IntConverter

from layanan.catalogue.files import SERVICES
from layanan.urls import RESERVED_SERVICE_SLUGS


def _layanan():
    _prefix, resolver = get_resolver().namespace_dict["layanan"]
    return resolver


def _literal_segments() -> set[str]:
    """Every fixed word of every layanan route ("lacak", "baru", "isian", "unduh", …)."""
    words = set()
    for name in _layanan().reverse_dict:
        if not isinstance(name, str):
            continue
        for possibility, *_rest in _layanan().reverse_dict.getlist(name):
            for template, _params in possibility:
                words.update(w for w in template.split("/") if w and "%(" not in w)
    return words


def _candidates(converter) -> list:
    if isinstance(converter, IntConverter):
        return [7]
    return ["izin-belajar", "IB-2611-7K3QZ", *sorted(_literal_segments())]


def _named_urls():
    resolver = _layanan()
    for name in sorted(n for n in resolver.reverse_dict if isinstance(n, str)):
        for _possibility, _pattern, _defaults, converters in resolver.reverse_dict.getlist(name):
            params = sorted(converters)
            for values in itertools.product(*(_candidates(converters[p]) for p in params)):
                yield name, dict(zip(params, values, strict=True))


def test_every_named_url_of_layanan_resolves_back_to_itself():
    checked, wrong = 0, []
    for name, kwargs in _named_urls():
        try:
            url = reverse(f"layanan:{name}", kwargs=kwargs)
        except NoReverseMatch:
            continue  # a value the route refuses (a reserved word) builds no URL at all
        match = resolve(url)
        checked += 1
        if match.view_name != f"layanan:{name}" or match.kwargs != kwargs:
            wrong.append((name, kwargs, url, match.view_name))
    assert checked > 40
    assert wrong == []


def test_the_documented_public_paths_are_unchanged():
    assert reverse("layanan:public_list") == "/layanan/"
    assert reverse("layanan:tracker") == "/layanan/lacak/"
    assert reverse("layanan:public_detail", kwargs={"slug": "izin-belajar"}) == "/layanan/izin-belajar/"
    assert resolve("/layanan/izin-belajar/").view_name == "layanan:public_detail"
    assert resolve("/layanan/sla/").view_name == "layanan:sla_report"
    assert resolve("/layanan/permohonan/baru/izin-belajar/").view_name == "layanan:request_create"
    assert resolve("/layanan/permohonan/IB-2611-7K3QZ/isian/").view_name == "layanan:request_answers"


def test_no_service_of_the_catalogue_uses_a_reserved_slug():
    # A service slugged like a fixed prefix would have no public page (reverse refuses it).
    assert not {spec.slug for spec in SERVICES} & set(RESERVED_SERVICE_SLUGS)


def test_the_reserved_slugs_are_exactly_the_first_words_of_the_other_routes():
    firsts = set()
    for name, kwargs in _named_urls():
        try:
            url = reverse(f"layanan:{name}", kwargs=kwargs)
        except NoReverseMatch:
            continue
        first = url.removeprefix("/layanan/").split("/")[0]
        if name != "public_detail" and first and first not in kwargs.values():
            firsts.add(first)
    assert firsts == set(RESERVED_SERVICE_SLUGS)


@pytest.mark.parametrize("slug", ["lacak", "sla", "permohonan"])
def test_a_reserved_word_builds_no_service_page(slug):
    with pytest.raises(NoReverseMatch):
        reverse("layanan:public_detail", kwargs={"slug": slug})
