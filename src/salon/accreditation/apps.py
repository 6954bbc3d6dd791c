from django.apps import AppConfig


class AccreditationConfig(AppConfig):
    name = "salon.accreditation"
    label = "accreditation"
