from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "salon.program"
    label = "program"
