"""Language selection: Indonesian unless the user chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show English
to most officials (browsers default to en-US) on an Indonesian government system. Here
only an explicit choice, stored by the language switch in the language cookie, counts.
"""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
