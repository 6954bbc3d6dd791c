from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "salon.analytics"
    label = "analytics"
