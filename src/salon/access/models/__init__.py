"""Badges, the editions' signing keys, zone rules, gates and the scans they record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from salon.accreditation.models import Registration
from salon.editions.models import Edition, Zone
from salon.exhibitors.models import StaffMember


class BadgeCategory(models.TextChoices):
    # The payload carries salon.access.badges.codec.Category numbers for these codes.
    VISITOR = "visitor", _("Visitor")
    EXHIBITOR = "exhibitor", _("Exhibitor")
    DELEGATION = "delegation", _("Official delegation")
    PRESS = "press", _("Press")
    ORGANIZER = "organizer", _("Organizer")
    CONTRACTOR = "contractor", _("Contractor")


class PassbackMode(models.TextChoices):
    WARN = "warn", _("Warn (let in, flag the scan)")
    DENY = "deny", _("Deny")


class Direction(models.TextChoices):
    IN = "in", _("In")
    OUT = "out", _("Out")


class AccessSettings(models.Model):
    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="access_settings")
    passback_mode = models.CharField(max_length=10, choices=PassbackMode.choices, default=PassbackMode.WARN)
    skew_tolerance_seconds = models.PositiveIntegerField(default=300)

    def __str__(self) -> str:
        return f"access settings of {self.edition_id}"


class EditionKey(models.Model):
    """One Ed25519 key pair per edition and version; the private half only ever stored encrypted."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="badge_keys")
    version = models.PositiveIntegerField()
    public_key = models.BinaryField(max_length=32)
    private_key_encrypted = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["edition_id", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "version"], name="badge_key_version_unique_per_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition_id} key v{self.version}"


class ZoneSlot(models.Model):
    """The bit of a zone in the badges' zone bitmask; never reused within an edition."""

    zone = models.OneToOneField(Zone, on_delete=models.CASCADE, primary_key=True, related_name="access_slot")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    bit = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["edition", "bit"], name="zone_bit_unique_per_edition")]

    def __str__(self) -> str:
        return f"{self.zone_id}→{self.bit}"


class ZoneRule(models.Model):
    """A category may enter a zone, on the listed days (none listed: every valid day of the badge), between
    two local times (none: any time)."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="access_rules")
    category = models.CharField(max_length=20, choices=BadgeCategory.choices)
    days = models.JSONField(default=list, blank=True)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)

    class Meta:
        ordering = ["zone_id", "category"]
        constraints = [
            models.UniqueConstraint(fields=["zone", "category"], name="one_access_rule_per_zone_and_category")
        ]

    def __str__(self) -> str:
        return f"{self.category} → {self.zone_id}"


class Gate(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="gates")
    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="gates")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=120)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="gate_code_unique_per_edition")
        ]

    def __str__(self) -> str:
        return self.name


class BadgeStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")


class Badge(models.Model):
    """One holder's badge. Re-issuing keeps the row and bumps `version`: the older QR codes answer
    `superseded` at the gates."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="badges")
    category = models.CharField(max_length=20, choices=BadgeCategory.choices)
    holder_name = models.CharField(max_length=300)
    organization = models.CharField(max_length=200, blank=True)
    country = CountryField(blank=True)
    registration = models.OneToOneField(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="badge"
    )
    staff_member = models.OneToOneField(
        StaffMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="badge"
    )
    zone_mask = models.BigIntegerField(default=0)
    days = models.JSONField(default=list)
    version = models.PositiveIntegerField(default=1)
    key_version = models.PositiveIntegerField(default=1)
    payload = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=BadgeStatus.choices, default=BadgeStatus.ACTIVE)
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["edition_id", "pk"]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"badge {self.pk} v{self.version} ({self.holder_name})"


class Presence(models.Model):
    """Whether a badge is inside a zone now: the anti-passback state and the occupancy count."""

    badge = models.ForeignKey(Badge, on_delete=models.CASCADE, related_name="presences")
    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="presences")
    inside = models.BooleanField(default=False)
    since = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["badge", "zone"], name="one_presence_per_badge_and_zone")
        ]
        indexes = [models.Index(fields=["zone", "inside"])]

    def __str__(self) -> str:
        return f"{self.badge_id} in {self.zone_id}: {self.inside}"


class Scan(models.Model):
    """Every scan a gate uploads, accepted or not, once: `scan_id` is generated by the device and unique."""

    scan_id = models.CharField(max_length=64, unique=True)
    edition = models.ForeignKey(Edition, null=True, on_delete=models.CASCADE, related_name="scans")
    gate = models.ForeignKey(Gate, null=True, on_delete=models.SET_NULL, related_name="scans")
    gate_ref = models.CharField(max_length=64, blank=True)
    zone = models.ForeignKey(Zone, null=True, on_delete=models.SET_NULL, related_name="scans")
    badge = models.ForeignKey(Badge, null=True, on_delete=models.SET_NULL, related_name="scans")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    reason = models.CharField(max_length=20, db_index=True)
    admitted = models.BooleanField()
    warnings = models.JSONField(default=list)
    payload = models.CharField(max_length=200, blank=True)
    device_time = models.DateTimeField(null=True, blank=True)
    effective_at = models.DateTimeField()
    received_at = models.DateTimeField()
    skew_seconds = models.IntegerField(null=True, blank=True)
    offline = models.BooleanField(default=False)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [
            models.Index(fields=["edition", "effective_at"]),
            models.Index(fields=["zone", "effective_at"]),
            # Covers the dashboard's "present" counts: admitted entries only, read without touching the table.
            models.Index(
                fields=["edition", "effective_at", "badge"],
                condition=models.Q(admitted=True, direction="in"),
                name="scan_admitted_entries",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scan_id}: {self.reason}"
