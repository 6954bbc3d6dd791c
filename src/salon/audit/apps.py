from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "salon.audit"
    label = "audit"
