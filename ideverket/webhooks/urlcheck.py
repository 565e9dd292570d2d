"""Which URLs an endpoint may have: https, or plain http to this machine while developing."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def local_http_allowed():
    return settings.DEBUG or getattr(settings, "TESTING", False)


def check_url(url):
    """Raise a ValidationError on the "url" field unless `url` may receive webhooks."""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise ValidationError(
            {"url": _("Ange en fullständig adress som börjar med https://.")}
        ) from exc
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise ValidationError(
            {"url": _("Adressen får inte innehålla användarnamn eller lösenord.")}
        )
    if parts.scheme == "https":
        return
    if parts.hostname in LOCAL_HOSTS and local_http_allowed():
        return
    raise ValidationError({"url": _("Adressen måste börja med https:// (krypterad förbindelse).")})
