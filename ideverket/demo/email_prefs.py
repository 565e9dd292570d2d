"""The demo's e-mail choices: who gets e-mail at once, who wants none.

A mixin for `DemoBuilder`: `build_email_preferences()` runs last. Everyone else keeps the
default, a daily digest. The choices are made through the same action as the settings page,
with the clock a few weeks back, so the preference events carry plausible dates.
"""

import datetime

from ideverket.activity.actions import do_set_email_frequency
from ideverket.activity.models import EmailPreference

Frequency = EmailPreference.Frequency

# Those who decide want to know at once; the demo's employee keeps the daily digest.
IMMEDIATE = ("Åsa Öberg", "Peter Nilsson", "Johanna Björk")
# Every seventh quiet colleague has said no to e-mail (they read the notifications in the app).
NONE_EVERY = 7


class EmailPreferencesMixin:
    def build_email_preferences(self):
        start = self.real_now - datetime.timedelta(days=24)
        choices = [(self.person(name), Frequency.IMMEDIATE) for name in IMMEDIATE]
        choices += [(person, Frequency.NONE) for person in self.quiet[::NONE_EVERY]]
        for index, (person, frequency) in enumerate(choices):
            self.clock.now = start + datetime.timedelta(days=index % 20, minutes=37 * index)
            do_set_email_frequency(person, person, frequency)
        self.clock.now = self.real_now
