"""Cross-cutting request handling: a strict CSP and login required everywhere but a short list."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)


class ContentSecurityPolicyMiddleware:
    """No inline script, nothing from other origins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        return response


class LoginRequiredMiddleware:
    """Every page needs a logged-in user unless its path is on the explicit public list."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The public checks first: they cost nothing, while asking who is signed in reads the
        # session and the person (two queries the health check and the API need not pay).
        if request.path.startswith(settings.PUBLIC_PATH_PREFIXES):
            return None
        # Django's own @login_not_required sets login_required = False on the view.
        if getattr(view_func, "login_required", True) is False:
            return None
        if request.user.is_authenticated:
            return None
        return redirect_to_login(request.get_full_path())


class SwedishFirstLocaleMiddleware(LocaleMiddleware):
    """Swedish unless the person has chosen another language with the language switch.

    The browser's Accept-Language is ignored on purpose: a Swedish municipality's interface is
    Swedish even on a computer set up in English.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
