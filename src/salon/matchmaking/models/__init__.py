from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from salon.accreditation.models import Registration
from salon.editions.models import Edition
from salon.exhibitors.models import Application, Category


class MeetingSettings(models.Model):
    """How an edition's B2B meeting days are cut into slots."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="meeting_settings")
    day_start = models.TimeField(default="09:00")
    day_end = models.TimeField(default="17:00")
    slot_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(10), MaxValueValidator(120)]
    )

    def __str__(self) -> str:
        return f"meetings of {self.edition_id}"


class EmbeddedProfile(models.Model):
    """Profile text and its stored embedding; re-embedded only when the text's fingerprint changes."""

    text = models.TextField(blank=True)
    vector = models.BinaryField(null=True, blank=True)
    vector_fingerprint = models.CharField(max_length=64, blank=True)
    text_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    available_days = models.JSONField(
        default=list, blank=True, help_text=_("ISO dates; empty means every day")
    )
    blocked_slots = models.JSONField(default=list, blank=True, help_text=_("Slot ids when busy elsewhere"))

    class Meta:
        abstract = True

    @property
    def vector_is_current(self) -> bool:
        return bool(self.vector) and self.vector_fingerprint == self.text_fingerprint


class BudgetHorizon(models.TextChoices):
    NONE = "", _("Not stated")
    SHORT = "short", _("Within 12 months")
    MEDIUM = "medium", _("1 to 3 years")
    LONG = "long", _("Beyond 3 years")


class VisitorNeed(EmbeddedProfile):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="need")
    categories = models.ManyToManyField(Category, blank=True, related_name="+")
    budget_horizon = models.CharField(max_length=10, choices=BudgetHorizon.choices, blank=True)

    def __str__(self) -> str:
        return f"need of {self.registration}"


class ExhibitorOffer(EmbeddedProfile):
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="offer")
    countries_served = models.JSONField(default=list, blank=True)
    tables = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    def __str__(self) -> str:
        return f"offer of {self.application}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingRequest(models.Model):
    """A meeting between an exhibitor and one visitor, or a group (a delegation) meeting one exhibitor."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="meeting_requests")
    exhibitor = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="meeting_requests")
    visitors = models.ManyToManyField(Registration, related_name="meeting_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_exhibitor = models.BooleanField(default=False, help_text=_("Sent by the exhibitor to the visitors"))
    message = models.TextField(blank=True)
    priority = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING, db_index=True
    )
    slot_start = models.DateTimeField(null=True, blank=True)
    exhibitor_confirmed = models.BooleanField(default=False)
    visitors_confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["slot_start", "pk"]

    def __str__(self) -> str:
        return f"meeting #{self.pk} with {self.exhibitor.company}"

    @property
    def confirmed(self) -> bool:
        """Confirmed to both parties: the scheduler keeps it where it is."""
        return bool(self.slot_start) and self.exhibitor_confirmed and self.visitors_confirmed


class ScheduleRun(models.Model):
    """One run of the scheduler: what it placed against what any schedule could place."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="schedule_runs")
    started_at = models.DateTimeField(auto_now_add=True)
    requests = models.PositiveIntegerField()
    placed = models.PositiveIntegerField()
    placed_priority = models.PositiveIntegerField()
    upper_bound = models.PositiveIntegerField()
    status = models.CharField(max_length=12)
    solve_seconds = models.FloatField()
    moved = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.placed_priority}/{self.upper_bound} ({self.status})"
