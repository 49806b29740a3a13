"""Logging in and out, and the throttle that stops password guessing without locking anyone out.

The defaults under test (config/settings.py): 50 failures from one address, or 5 for one
username from one address, within 15 minutes are refused; 3 failures for a username from
anywhere within 24 hours bring the captcha.
"""

import datetime as dt
import re

import pytest
import time_machine
from captcha.models import CaptchaStore
from django.test import Client, override_settings

from conftest import PASSWORD
from core.models import AuditLog

pytestmark = pytest.mark.django_db
LOGIN = "/akun/masuk/"
WRONG = "Nama pengguna atau kata sandi salah"
TOO_MANY = "Terlalu banyak percobaan masuk yang gagal"
FROM_YOUR_NETWORK = "Terlalu banyak percobaan masuk yang gagal dari jaringan Anda"
FOR_THIS_USERNAME = "Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini dari jaringan Anda"
TYPE_THE_CODE = "Ketik kode pada gambar untuk melanjutkan."
WRONG_CODE = "Kode tidak sesuai dengan gambar."
HOME = "10.0.0.1"  # the guesser's address, unless a test says otherwise
OFFICE = "10.20.0.7"  # the owner's own address


class Person:
    """Someone with a browser at one address, who reads the captcha whenever the page shows one."""

    def __init__(self, address=HOME, **headers):
        self.client, self.address, self.headers, self.page = Client(), address, headers, None

    def login(self, username, password, *, captcha=None):
        """Submit the form; ``captcha`` overrides the answer a person would read off the picture."""
        fields = {"username": username, "password": password}
        if self.shows_captcha:
            fields |= solved_captcha(self.page) | ({"captcha_1": captcha} if captcha is not None else {})
        self.page = self.client.post(LOGIN, fields, REMOTE_ADDR=self.address, **self.headers)
        return self

    @property
    def text(self) -> str:
        return " ".join(self.page.content.decode().split())

    @property
    def shows_captcha(self) -> bool:
        return self.page is not None and 'data-testid="captcha-image"' in self.page.content.decode()

    @property
    def logged_in(self) -> bool:
        return "_auth_user_id" in self.client.session and self.page.status_code == 302

    def messages(self) -> list[str]:
        """The error texts on the page: what the person is told."""
        return re.findall(r'<p>([^<]*)</p>|class="field-error"[^>]*>([^<]*)<', self.text)


def solved_captcha(page) -> dict:
    """The answer a person reads off the picture ``page`` shows."""
    key = re.search(r'name="captcha_0" value="(\w+)"', page.content.decode()).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def test_a_user_logs_in_and_lands_on_the_dashboard(cast):
    person = Person().login("pegawai.a", PASSWORD)
    assert person.logged_in and person.page["Location"] == "/"
    assert AuditLog.objects.filter(event="akun.masuk", actor=cast.pegawai_a).exists()


def test_a_wrong_password_is_refused_with_an_indonesian_message(cast):
    person = Person().login("pegawai.a", "salah-sekali")
    assert person.page.status_code == 200 and WRONG in person.text
    assert not person.logged_in


def test_a_failed_login_costs_the_throttle_two_queries(cast, django_assert_num_queries):
    person = Person()
    with django_assert_num_queries(3):  # the three counters, the user, counting the failure
        person.login("pegawai.a", "tebakan")
    assert WRONG in person.text


def test_five_wrong_passwords_for_admin_from_one_address_do_not_stop_admin_elsewhere(cast):
    guesser = Person(HOME)
    for _ in range(5):
        guesser.login("admin", "tebakan")
    assert FOR_THIS_USERNAME in guesser.text

    owner = Person(OFFICE).login("admin", PASSWORD)
    # Not refused: admin has had failures, so the owner only has to read the picture.
    assert TOO_MANY not in owner.text
    assert owner.shows_captcha and TYPE_THE_CODE in owner.text and not owner.logged_in
    assert owner.login("admin", PASSWORD).logged_in


def test_the_guessing_address_is_refused_for_that_username_even_with_the_right_password(cast):
    start = dt.datetime(2026, 8, 17, 2, 0, tzinfo=dt.UTC)
    guesser = Person(HOME)
    with time_machine.travel(start, tick=False):
        for _ in range(4):
            assert WRONG in guesser.login("admin", "tebakan").text
        fifth = guesser.login("admin", "tebakan").text
        assert FOR_THIS_USERNAME in fifth and "15 menit" in fifth
        assert FOR_THIS_USERNAME in guesser.login("admin", PASSWORD).text
        assert not guesser.logged_in
        # Another username from the same address is not refused.
        assert Person(HOME).login("pegawai.a", PASSWORD).logged_in
    with time_machine.travel(start + dt.timedelta(minutes=15, seconds=1), tick=False):
        later = Person(HOME).login("admin", PASSWORD)  # the window has passed
        assert TOO_MANY not in later.text and later.shows_captcha  # the captcha is left (24 hours)
        assert later.login("admin", PASSWORD).logged_in


def test_fifty_wrong_passwords_from_one_address_stop_that_address_only(cast):
    guesser = Person(HOME)
    for n in range(49):
        assert WRONG in guesser.login(f"tebakan{n}", "tebakan").text
    assert FROM_YOUR_NETWORK in guesser.login("tebakan49", "tebakan").text

    # The 51st, with the right password, is refused from that address …
    assert FROM_YOUR_NETWORK in guesser.login("admin", PASSWORD).text and not guesser.logged_in
    # … and admin, who had no failures, logs in from anywhere else without a captcha.
    assert Person(OFFICE).login("admin", PASSWORD).logged_in


def test_the_captcha_appears_after_three_failures_from_anywhere(cast):
    for n, address in enumerate(("10.1.0.1", "10.2.0.1", "10.3.0.1")):
        guesser = Person(address).login("operator.a", "tebakan")
        assert WRONG in guesser.text
        assert guesser.shows_captcha == (n == 2)  # the third failure brings it

    owner = Person(OFFICE).login("operator.a", PASSWORD)
    assert owner.shows_captcha and TYPE_THE_CODE in owner.text and not owner.logged_in
    assert owner.login("operator.a", PASSWORD).logged_in  # correct captcha and password


def test_a_wrong_captcha_does_not_log_in_even_with_the_right_password(cast):
    for address in ("10.1.0.1", "10.2.0.1", "10.3.0.1"):
        Person(address).login("operator.a", "tebakan")
    owner = Person(OFFICE).login("operator.a", PASSWORD)
    picture = solved_captcha(owner.page)

    owner.login("operator.a", PASSWORD, captcha="zzzzz")
    assert WRONG_CODE in owner.text and not owner.logged_in
    # A picture is good for one try: the right answer to the old picture fails too …
    owner.page = owner.client.post(
        LOGIN, {"username": "operator.a", "password": PASSWORD, **picture}, REMOTE_ADDR=OFFICE
    )
    assert WRONG_CODE in owner.text and not owner.logged_in
    assert owner.shows_captcha  # … and a fresh picture is offered


def test_the_answers_are_the_same_for_a_username_that_does_not_exist(cast):
    def told(username):
        person = Person(HOME)
        return [person.login(username, "tebakan").messages() for _ in range(6)]

    assert told("admin") == told("tidak.ada.orangnya")


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_CAPTCHA_AFTER=10)
def test_a_success_clears_the_failures_of_that_username(cast):
    person = Person(HOME)
    for _ in range(2):
        person.login("pegawai.a", "tebakan")
    assert person.login("pegawai.a", PASSWORD).logged_in
    person.client.logout()
    for _ in range(2):
        assert WRONG in person.login("pegawai.a", "tebakan").text
    assert person.login("pegawai.a", PASSWORD).logged_in


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_CAPTCHA_AFTER=10, PELITA_TRUSTED_PROXIES=0)
def test_x_forwarded_for_is_ignored_without_a_trusted_proxy(cast):
    for n in range(3):
        # A client claiming a new address each time is still its one REMOTE_ADDR.
        Person(HOME, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").login("pegawai.a", "tebakan")
    refused = Person(HOME, HTTP_X_FORWARDED_FOR="198.51.100.99").login("pegawai.a", PASSWORD)
    assert FOR_THIS_USERNAME in refused.text


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_CAPTCHA_AFTER=10, PELITA_TRUSTED_PROXIES=1)
def test_behind_one_trusted_proxy_the_client_is_the_address_the_proxy_appended(cast):
    proxy = "10.0.0.254"
    for n in range(3):
        # The leftmost entries are the guesser's own invention; the proxy appended the last one.
        Person(proxy, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7").login("pegawai.a", "tebakan")
    refused = Person(proxy, HTTP_X_FORWARDED_FOR="203.0.113.7").login("pegawai.a", PASSWORD)
    assert FOR_THIS_USERNAME in refused.text
    # Another client behind the same proxy is not refused.
    assert Person(proxy, HTTP_X_FORWARDED_FOR="203.0.113.8").login("pegawai.a", PASSWORD).logged_in


def test_logout_needs_a_post_and_ends_the_session(cast, client_for):
    client = client_for(cast.pegawai_a)
    assert client.get("/akun/keluar/").status_code == 405
    response = client.post("/akun/keluar/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # back to the login page


def test_a_login_form_without_the_csrf_token_is_refused(cast):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(LOGIN, {"username": "pegawai.a", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in strict.session


def test_an_outside_next_url_is_not_followed(cast, client):
    response = client.post(
        "/akun/masuk/?next=https://jahat.example.com/", {"username": "pegawai.a", "password": PASSWORD}
    )
    assert response["Location"] == "/"
