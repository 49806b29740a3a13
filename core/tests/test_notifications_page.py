"""The user's notifications page and the unread count in the page header."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from core.models import Notification
from core.notifications.actions import do_notify

pytestmark = pytest.mark.django_db


def notify(user, title, *, url="/", actor=None):
    return do_notify([user], title=title, body=f"Isi {title}", url=url, actor=actor, event="uji.notifikasi")


def test_the_list_shows_my_notifications_newest_first(cast, client_for):
    for day in (1, 3, 2):
        with time_machine.travel(dt.datetime(2026, 8, day, 3, 0, tzinfo=dt.UTC), tick=False):
            notify(cast.pegawai_a, f"Pemberitahuan tanggal {day}")
    notify(cast.operator_a, "Untuk operator saja")

    response = client_for(cast.pegawai_a).get(reverse("core:notifications"))

    titles = [n.title for n in response.context["page_obj"]]
    assert titles == ["Pemberitahuan tanggal 3", "Pemberitahuan tanggal 2", "Pemberitahuan tanggal 1"]
    html = response.content.decode()
    assert "Untuk operator saja" not in html
    assert "3 Agustus 2026" in html


def test_the_list_pages_and_costs_the_same_queries_for_one_or_many(
    cast, client_for, django_assert_max_num_queries
):
    client = client_for(cast.pegawai_a)
    notify(cast.pegawai_a, "Satu")
    with django_assert_max_num_queries(8) as few:
        one = client.get(reverse("core:notifications"))
    assert one.status_code == 200 and "Satu" in one.content.decode()
    for i in range(30):
        notify(cast.pegawai_a, f"Nomor {i}")
    with django_assert_max_num_queries(len(few.captured_queries) + 1):  # + the paginator's COUNT
        response = client.get(reverse("core:notifications"))
    assert len(response.context["page_obj"]) == 20
    assert response.context["page_obj"].paginator.num_pages == 2


def test_marking_read_marks_all_of_mine_and_nobody_elses(cast, client_for):
    notify(cast.pegawai_a, "Satu")
    notify(cast.pegawai_a, "Dua")
    notify(cast.operator_a, "Punya operator")

    response = client_for(cast.pegawai_a).post(reverse("core:notifications_read"))

    assert response.status_code == 302 and response["Location"] == reverse("core:notifications")
    assert not Notification.objects.filter(recipient=cast.pegawai_a, read_at__isnull=True).exists()
    assert Notification.objects.get(recipient=cast.operator_a).read_at is None


def test_marking_read_needs_a_post(cast, client_for):
    notify(cast.pegawai_a, "Satu")
    assert client_for(cast.pegawai_a).get(reverse("core:notifications_read")).status_code == 405
    assert Notification.objects.get().read_at is None


def test_the_header_shows_the_unread_count_outside_the_main_menu(cast, client_for):
    client = client_for(cast.pegawai_a)
    notify(cast.pegawai_a, "Satu")
    notify(cast.pegawai_a, "Dua")

    html = client.get(reverse("core:notifications")).content.decode()
    nav = html.split('data-testid="main-nav"')[1].split("</ul>")[0]
    assert 'data-testid="notifications-link"' not in nav
    assert '<mark data-testid="unread-count">2</mark>' in html

    client.post(reverse("core:notifications_read"))
    assert 'data-testid="unread-count"' not in client.get(reverse("core:notifications")).content.decode()


def test_a_notification_links_only_to_pages_of_this_site(cast, client_for):
    notify(cast.pegawai_a, "Di sini", url="/layanan/lacak/")
    notify(cast.pegawai_a, "Di luar", url="https://contoh.invalid/masuk")
    notify(cast.pegawai_a, "Protokol relatif", url="//contoh.invalid/")

    html = client_for(cast.pegawai_a).get(reverse("core:notifications")).content.decode()

    assert 'href="/layanan/lacak/"' in html
    assert "contoh.invalid" not in html
