"""The day a build quotes its figures for (not itself a hook: the hooks import it): today in UTC,
or `GUIDE_BUILD_DAY=YYYY-MM-DD`, which the tests set so that what a page says does not depend on
the day they run."""

import datetime as dt
import os


def build_day() -> dt.date:
    fixed = os.environ.get("GUIDE_BUILD_DAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.datetime.now(dt.UTC).date()
