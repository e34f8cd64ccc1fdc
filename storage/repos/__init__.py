"""One repository per entity; a Tx (storage.tx) holds one of each on its connection."""

from storage.repos.activities import Activities
from storage.repos.audit import Audit
from storage.repos.digests import Digests
from storage.repos.events import Events
from storage.repos.followups import FollowUps
from storage.repos.logs import Logs
from storage.repos.members import Members
from storage.repos.organisations import Organisations
from storage.repos.plans import Plans
from storage.repos.refs import Refs
from storage.repos.reminders import Reminders
from storage.repos.search import SearchHit, SearchIndex

__all__ = [
    "Activities",
    "Audit",
    "Digests",
    "Events",
    "FollowUps",
    "Logs",
    "Members",
    "Organisations",
    "Plans",
    "Refs",
    "Reminders",
    "SearchHit",
    "SearchIndex",
]
