from django.apps import AppConfig


class ExhibitorsConfig(AppConfig):
    name = "salon.exhibitors"
    label = "exhibitors"
