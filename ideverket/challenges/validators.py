"""Checks shared by the challenge form and the challenge actions."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# "Hur kan vi" followed by at least one more word; case-insensitive so "hur kan vi …" passes.
_HOW_MIGHT_WE = re.compile(r"hur kan vi\s+\S", re.IGNORECASE)

QUESTION_MESSAGE = _(
    "Formulera utmaningen som en fråga som börjar med ”Hur kan vi”, till exempel "
    "”Hur kan vi korta väntetiden till hemtjänsten?”."
)


def validate_question(value):
    """The challenge must be framed as a "Hur kan vi …?" question (Innovationsguiden)."""
    if not _HOW_MIGHT_WE.match(value or ""):
        raise ValidationError(QUESTION_MESSAGE, code="how_might_we")
