"""Signals other apps listen to, so that accreditation never imports them (imports point down only).

registration_decided(sender=Registration, registration=...) — sent inside the decision's transaction
whenever a registration becomes accredited or refused by an officer.
registrations_accredited(sender=Registration, edition=..., registrations=[...]) — sent once per batch
when screening accredits registrations automatically (imports, bulk registration): one call, not thousands.
"""

from django.dispatch import Signal

registration_decided = Signal()
registrations_accredited = Signal()
