from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from salon.accreditation.models import Registration
from salon.editions.models import Edition, Hall
from salon.exhibitors.models import Application


class Delegation(models.Model):
    """An official country delegation, looked after by one host officer of the organizer."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="delegations")
    country = CountryField(_("country"))
    name = models.CharField(_("name"), max_length=200)
    host_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_delegations",
    )
    arrival_at = models.DateTimeField(_("arrival"), null=True, blank=True)
    departure_at = models.DateTimeField(_("departure"), null=True, blank=True)
    protocol_notes = models.TextField(_("protocol notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "country"], name="one_delegation_per_country_per_edition"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def head(self):
        return next((m for m in self.members.all() if m.role == MemberRole.HEAD), None)


class MemberRole(models.TextChoices):
    HEAD = "head", _("Head of delegation")
    OFFICIAL = "official", _("Official")
    INTERPRETER = "interpreter", _("Interpreter")
    STAFF = "staff", _("Staff and security")


class DelegationMember(models.Model):
    """A person of a delegation; accredited through the same vetting as any visitor (their Registration)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    registration = models.OneToOneField(
        Registration, on_delete=models.PROTECT, related_name="delegation_member"
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.OFFICIAL)
    title = models.CharField(_("title or function"), max_length=200, blank=True)
    languages = models.CharField(_("languages"), max_length=100, blank=True, help_text=_("e.g. fr,en,tr"))
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["delegation", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation"], condition=models.Q(role="head"), name="one_head_per_delegation"
            ),
        ]

    def __str__(self) -> str:
        return str(self.registration)


class VisitKind(models.TextChoices):
    STAND_VISIT = "stand_visit", _("Stand visit")
    MEETING = "meeting", _("Meeting")
    OFFICIAL = "official", _("Official event")


class VisitItem(models.Model):
    """One entry of a delegation's visit program (stands to visit, meetings, official events)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="visits")
    kind = models.CharField(_("kind"), max_length=20, choices=VisitKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    exhibitor = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="delegation_visits"
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Set when the B2B scheduler took the meeting as a group meeting (its MeetingRequest id).
    meeting_request_id = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="visit_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class GuestPavilion(models.Model):
    """The guest-of-honour country's pavilion at an edition."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="guest_pavilion")
    country = CountryField(_("country"))
    hall = models.ForeignKey(Hall, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    def __str__(self) -> str:
        return self.name_en
