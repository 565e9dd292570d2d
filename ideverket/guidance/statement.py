"""The accessibility statement's facts (tillgänglighetsredogörelse, DIGG's structure).

Change these dates when the service is tested again or the statement is revised; the page
shows them as they are. "Updated" is the later of UPDATED_ON and the newest handled report.
"""

import datetime

# The last self-assessment: axe-core (WCAG 2.1 A and AA) on every page in the browser tests,
# keyboard use and 320 CSS px width, run on every change to the code.
ASSESSED_ON = datetime.date(2026, 12, 1)
# When the text of the statement was last revised.
UPDATED_ON = datetime.date(2026, 12, 1)
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
DIGG_URL = "https://www.digg.se/"
WCAG_URL = "https://www.w3.org/Translations/WCAG21-sv/"
