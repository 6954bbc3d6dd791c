from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from salon.editions.models import Edition, Zone


def in_language(obj, field: str) -> str:
    """The French or English text of a bilingual field, falling back to the other when one is empty."""
    french = getattr(obj, f"{field}_fr")
    english = getattr(obj, f"{field}_en")
    if (translation.get_language() or "en").startswith("fr"):
        return french or english
    return english or french


class ProgramSettings(models.Model):
    """When the venue's conference rooms are open, in the edition's local time."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="program_settings")
    opens_at = models.TimeField(_("rooms open at"), default="09:00")
    closes_at = models.TimeField(_("rooms close at"), default="18:00")
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Paris")

    def __str__(self) -> str:
        return f"program settings of {self.edition_id}"


class Track(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="tracks")
    code = models.SlugField(max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="track_code_unique_per_edition")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")


class Room(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("capacity"))
    zone = models.ForeignKey(Zone, null=True, blank=True, on_delete=models.SET_NULL, related_name="rooms")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="room_name_unique_per_edition")
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerKind(models.TextChoices):
    SECURITY_FORCE = "security_force", _("Security force")
    JUSTICE = "justice", _("Justice")
    RESEARCH = "research", _("Research")
    INDUSTRY = "industry", _("Industry")
    INSTITUTION = "institution", _("Institution")


class Speaker(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="speakers")
    full_name = models.CharField(_("name"), max_length=200)
    organization = models.CharField(_("organization"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SpeakerKind.choices)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    bio_fr = models.TextField(_("biography (French)"), blank=True)

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def bio(self) -> str:
        return in_language(self, "bio")


class SessionFormat(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    DEMONSTRATION = "demonstration", _("Demonstration")


class SessionLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class Session(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sessions")
    track = models.ForeignKey(
        Track, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="sessions")
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300)
    abstract_en = models.TextField(_("abstract (English)"), blank=True)
    abstract_fr = models.TextField(_("abstract (French)"), blank=True)
    format = models.CharField(_("format"), max_length=20, choices=SessionFormat.choices)
    language = models.CharField(_("language"), max_length=2, choices=SessionLanguage.choices)
    interpretation = models.BooleanField(_("interpretation available"), default=False)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    expected_audience = models.PositiveIntegerField(_("expected audience"), default=0)
    restricted = models.BooleanField(_("restricted"), default=False)
    allowed_sectors = models.JSONField(_("categories allowed"), default=list, blank=True)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions")

    class Meta:
        ordering = ["starts_at", "room__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def abstract(self) -> str:
        return in_language(self, "abstract")


class AgendaItem(models.Model):
    """A session someone booked: their personal agenda and the session's attendance count."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_items")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session__starts_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="agenda_item_once_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.session_id}"
