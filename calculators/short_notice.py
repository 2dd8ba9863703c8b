"""Too little notice: the IRS must tell a reader at least 30 days before it ends a plan
(IRC 6159(b)(5)). An end date typed from the notice that comes sooner is worth a warning, in both
the dates and the catch-up answers."""

import datetime as dt
from dataclasses import dataclass

from . import parameters
from .words import Words

DAYS_TO_RESPOND = parameters.get("notice.days_to_respond")


@dataclass(frozen=True)
class ShortNotice:
    notice: dt.date
    ends: dt.date
    days: int  # the least notice the law gives

    def words(self, words: Words) -> str:
        return words("short_notice.warning", ends=self.ends, notice=self.notice, days=str(self.days))


def short_notice(notice: dt.date, ends: dt.date) -> ShortNotice | None:
    """A warning when an entered end date comes sooner after the notice than the law allows."""
    days = int(DAYS_TO_RESPOND.at(notice).value)
    return ShortNotice(notice, ends, days) if (ends - notice).days < days else None
