from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "salon.access"
    label = "access"
