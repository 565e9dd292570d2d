"""Demo e-mail addresses and the table of demo logins printed after `manage.py load_demo`."""

import unicodedata

from . import data


def ascii_fold(text):
    """ "Åsa Öberg" → "Asa Oberg": strip diacritics so the address is plain ASCII."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def email_for(name):
    """förnamn.efternamn@exempelkommun.se, lower-case ASCII ("Jörgen Ärlig" → jorgen.arlig@…)."""
    parts = ascii_fold(name).lower().split()
    return f"{parts[0]}.{parts[-1]}@{data.EMAIL_DOMAIN}"


def demo_logins():
    """(role, name, e-mail, unit) for each demo persona that exists in the database."""
    from ideverket.org.models import User

    emails = {name: email_for(name) for _role, name in data.LOGINS}
    users = {
        u.email: u for u in User.objects.filter(email__in=emails.values()).select_related("unit")
    }
    rows = []
    for role, name in data.LOGINS:
        user = users.get(emails[name])
        if user is not None:
            rows.append((role, user.name, user.email, user.unit.name if user.unit else ""))
    return rows


def format_logins(rows=None):
    """The demo logins as a plain-text table (all share the password in data.PASSWORD)."""
    rows = demo_logins() if rows is None else rows
    if not rows:
        return "Inga demoinloggningar finns. Kör `manage.py load_demo` först.\n"
    headers = ("Roll", "Namn", "E-post", "Enhet")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [
        f"Demoinloggningar (lösenord för alla: {data.PASSWORD})",
        line(headers),
        line(["-" * w for w in widths]),
        *(line(r) for r in rows),
    ]
    return "\n".join(out) + "\n"


def print_logins(write=print):
    """Print the demo login table; `make run` relies on load_demo always doing this."""
    write(format_logins().rstrip("\n"))
