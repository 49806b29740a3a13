"""The accounts app's part of the role matrix (tests/test_role_matrix.py): the captcha picture."""

from tests.matrix import PUBLIC


def _captcha(cast):
    from captcha.models import CaptchaStore

    return {"key": CaptchaStore.generate_key()}


# The picture is shown on the login page, so everyone may load it, logged in or not.
MATRIX = {
    "captcha-image": (_captcha, PUBLIC),
    "captcha-image-2x": (_captcha, PUBLIC),
}
