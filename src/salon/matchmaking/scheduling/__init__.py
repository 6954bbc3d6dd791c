"""B2B meeting scheduling engine (pure Python + OR-Tools CP-SAT, no Django).

`solve(instance)` returns the schedule with the most total priority it can find and a proven upper bound;
`check_schedule` verifies any schedule independently of the solver.
"""

from .checker import Violation, check_schedule, schedule_priority
from .model import (
    Instance,
    InstanceError,
    Meeting,
    Party,
    Request,
    Schedule,
    instance_from_dict,
    instance_to_dict,
)
from .solver import solve

__all__ = [
    "Instance",
    "InstanceError",
    "Meeting",
    "Party",
    "Request",
    "Schedule",
    "Violation",
    "check_schedule",
    "instance_from_dict",
    "instance_to_dict",
    "schedule_priority",
    "solve",
]
