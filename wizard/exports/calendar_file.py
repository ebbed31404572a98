"""The plan's timeline as an iCalendar file: one all-day event per dated step, each with a
reminder the morning before. UIDs are derived from who the plan is for and the step's id,
never from its date, so importing a revised plan updates the events instead of adding
copies."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event

from wizard.exports import clean
from wizard.models import Plan

PRODID = "-//Partways//Exit plan//EN"  # format code


def event_uid(plan: Plan, step_id: str) -> str:
    seed = "\x1f".join((plan.client_name, plan.prepared_for, step_id))
    return f"{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:32]}@partways"


def render_ics(plan: Plan) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean(plan.title).replace("\n", " "))
    stamp = dt.datetime(
        plan.prepared_on.year, plan.prepared_on.month, plan.prepared_on.day, tzinfo=dt.UTC
    )
    for step in plan.timeline:
        event = Event()
        event.add("uid", event_uid(plan, step.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", step.date)
        event.add("dtend", step.date + dt.timedelta(days=1))
        event.add("summary", clean(step.title).replace("\n", " "))
        event.add("description", clean(f"{step.detail}\n\n{plan.footer_text}"))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", clean(step.title).replace("\n", " "))
        # 09:00 the day before an all-day event (which starts at midnight).
        alarm.add("trigger", dt.timedelta(hours=-15))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
