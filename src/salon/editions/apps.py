from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "salon.editions"
    label = "editions"
