"""One repository per entity; a Tx (storage.tx) holds one of each on its connection."""

from storage.repos.activities import Activities
from storage.repos.audit import Audit
from storage.repos.causes import Causes
from storage.repos.digests import Digests
from storage.repos.events import Events
from storage.repos.followups import FollowUps
from storage.repos.join_requests import JoinRequests
from storage.repos.languages import Languages
from storage.repos.logs import Logs
from storage.repos.members import Members
from storage.repos.observations import Observations
from storage.repos.organisations import Organisations
from storage.repos.places import Places
from storage.repos.plans import Plans
from storage.repos.posted import Posted
from storage.repos.refs import Refs
from storage.repos.reminders import Reminders
from storage.repos.rounds import Rounds
from storage.repos.search import SearchHit, SearchIndex
from storage.repos.situation import Situation

__all__ = [
    "Activities",
    "Audit",
    "Causes",
    "Digests",
    "Events",
    "FollowUps",
    "JoinRequests",
    "Languages",
    "Logs",
    "Members",
    "Observations",
    "Organisations",
    "Places",
    "Plans",
    "Posted",
    "Refs",
    "Reminders",
    "Rounds",
    "SearchHit",
    "SearchIndex",
    "Situation",
]
